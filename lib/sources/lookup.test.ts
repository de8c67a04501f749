import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam } from "@/lib/testing/factories";
import { searchSources, sourcesByIds, PICKER_LIMIT } from "./lookup";
import { regradeSource } from "./register";

useTestDatabase();

describe("the editor's source lookup", () => {
  it("finds the team's sources by title or originator, never another team's", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Harbour wire report", originator: "Coastal Press" });
    const briefing = await buildSource(team.id, owner.id, { title: "Ministry briefing", originator: "Harbour Ministry" });
    await buildSource(team.id, owner.id, { title: "Satellite pass" });
    await buildSource(other.team.id, other.owner.id, { title: "Harbour ledger" });
    const found = await searchSources(team.id, "harbour");
    expect(found.map((s) => s.title).sort()).toEqual([wire.title, briefing.title].sort());
    expect((await searchSources(team.id, "coastal")).map((s) => s.id)).toEqual([wire.id]);
  });

  it("reads a search's wildcards as text and offers at most the picker's limit", async () => {
    const { team, owner } = await buildTeam();
    for (let i = 0; i < PICKER_LIMIT + 2; i++) await buildSource(team.id, owner.id, { title: `Report ${i}` });
    expect(await searchSources(team.id, "%")).toEqual([]);
    expect(await searchSources(team.id, "")).toHaveLength(PICKER_LIMIT);
  });

  it("gives the team's sources by id with their standing; another team's id is absent", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const sound = await buildSource(team.id, owner.id, { title: "Sound", reliability: "B" });
    const doubted = await buildSource(team.id, owner.id, { title: "Doubted", reliability: "B" });
    const theirs = await buildSource(other.team.id, other.owner.id, { title: "Theirs" });
    await regradeSource(team.id, owner.id, doubted.id, { reliability: "D", reason: "Contradicted by imagery" });
    const found = await sourcesByIds(team.id, [sound.id, doubted.id, theirs.id]);
    expect(Object.fromEntries(found.map((s) => [s.title, s.standing]))).toEqual({
      Sound: { state: "sound" },
      Doubted: { state: "downgraded", from: "B", to: "D", at: expect.any(Date), reason: "Contradicted by imagery" },
    });
    expect(found.find((s) => s.id === doubted.id)?.reliability).toBe("D");
  });
});
