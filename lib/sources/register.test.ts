import { describe, expect, it } from "vitest";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam } from "@/lib/testing/factories";
import { getSource } from "./queries";
import { createSource, regradeSource, updateSource } from "./register";
import { gradeHistory, listSources, sourceDetails, sourcesOriginatedBy } from "./register-queries";
import { sourceFields, sourceInput } from "./validation";

useTestDatabase();

const actorOf = (teamId: string, userId: string, name: string) => createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name }) });

describe("the source register", () => {
  it("adds a source with its first grade, edits it, regrades it with a reason, and keeps the history in order", async () => {
    const { team, owner } = await buildTeam();
    const usa = await actorOf(team.id, owner.id, "United States");
    const briefing = await createSource(
      team.id,
      owner.id,
      sourceInput.parse({ title: "State Department briefing", kind: "official_statement", originator: "State Department", originatorEntityId: usa.id, reliability: "B" }),
    );
    await updateSource(team.id, owner.id, briefing.id, sourceFields.parse({ title: "State Department briefing, 3 March", kind: "official_statement", originator: "State Department", originatorEntityId: usa.id, url: "https://state.example/briefing" }));
    await regradeSource(team.id, owner.id, briefing.id, { reliability: "D", reason: "Two claims were walked back." });

    const source = await getSource(team.id, briefing.id);
    expect({ title: source.title, url: source.url, reliability: source.reliability, gradedBy: source.gradedBy }).toEqual({
      title: "State Department briefing, 3 March",
      url: "https://state.example/briefing",
      reliability: "D",
      gradedBy: owner.id,
    });
    expect((await sourceDetails(team.id, briefing.id))?.actor).toEqual({ id: usa.id, kind: "actor", name: "United States" });
    expect((await gradeHistory(team.id, briefing.id)).map(({ kind, from, to, reason, changedBy }) => ({ kind, from, to, reason, changedBy }))).toEqual([
      { kind: "graded", from: null, to: "B", reason: "", changedBy: owner.name },
      { kind: "regraded", from: "B", to: "D", reason: "Two claims were walked back.", changedBy: owner.name },
    ]);
    expect((await sourcesOriginatedBy(team.id, usa.id)).map((s) => s.title)).toEqual(["State Department briefing, 3 March"]);
  });

  it("refuses another team's source, and an originating actor that is another team's or not an actor", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const theirs = await buildSource(other.team.id, other.owner.id, { title: "Their source" });
    const theirActor = await actorOf(other.team.id, other.owner.id, "Their actor");
    const ourEvent = await createEntity(team.id, owner.id, { kind: "event", ...eventInput.parse({ name: "Summit" }) });
    const fields = (extra: object) => sourceFields.parse({ title: "Mine now", kind: "document", ...extra });

    await expect(updateSource(team.id, owner.id, theirs.id, fields({}))).rejects.toThrow("That source was not found.");
    await expect(regradeSource(team.id, owner.id, theirs.id, { reliability: "E", reason: "x" })).rejects.toThrow("That source was not found.");
    await expect(gradeHistory(team.id, theirs.id)).resolves.toEqual([]);
    await expect(createSource(team.id, owner.id, sourceInput.parse({ title: "Borrowed", kind: "document", reliability: "C", originatorEntityId: theirActor.id }))).rejects.toThrow(
      "That actor was not found.",
    );
    const ours = await buildSource(team.id, owner.id);
    await expect(updateSource(team.id, owner.id, ours.id, fields({ originatorEntityId: ourEvent.id }))).rejects.toThrow("That actor was not found.");
    expect((await getSource(other.team.id, theirs.id)).title).toBe("Their source");
    expect((await listSources(team.id)).map((s) => s.id)).toEqual([ours.id]);
  });

  it("is searched by title and originator as one types, and filtered by kind and reliability", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    await buildSource(team.id, owner.id, { title: "Wire report on the convoy", kind: "media", originator: "Reuters", reliability: "B" });
    await buildSource(team.id, owner.id, { title: "Satellite pass", kind: "imagery", originator: "Maxar", reliability: "A" });
    await buildSource(team.id, owner.id, { title: "Rumour mill", kind: "human", originator: "Café owner", reliability: "E" });
    await buildSource(other.team.id, other.owner.id, { title: "Wire report elsewhere", kind: "media", originator: "Reuters" });

    const titles = async (filter: Parameters<typeof listSources>[1]) => (await listSources(team.id, filter)).map((s) => s.title).sort();
    expect(await titles({ query: "reut" })).toEqual(["Wire report on the convoy"]);
    expect(await titles({ query: "convoy wire" })).toEqual(["Wire report on the convoy"]);
    expect(await titles({ query: "café" })).toEqual(["Rumour mill"]);
    expect(await titles({ query: "'&|!:*" })).toEqual(["Rumour mill", "Satellite pass", "Wire report on the convoy"]);
    expect(await titles({ kind: "imagery" })).toEqual(["Satellite pass"]);
    expect(await titles({ reliability: "E" })).toEqual(["Rumour mill"]);
    expect(await titles({ retracted: true })).toEqual([]);
    expect(await titles({ query: "wire", kind: "imagery" })).toEqual([]);
  });
});
