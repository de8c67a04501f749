import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { sources } from "@/db/schema";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { RELIABILITY_GRADES, isDowngrade } from "@/lib/source-grading";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { affectedBriefs } from "./affected";
import { inQuestion } from "./in-question";
import { regradeSource } from "./register";
import { reinstateSource, retractSource } from "./retraction";
import { standingOf } from "./standing";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

describe("briefs affected by source changes", () => {
  it("lists every note and live edition citing a source in question, by source, with what happened, why and the cited sentences", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
    const satellite = await buildSource(team.id, owner.id, { title: "Satellite pass", reliability: "A" });
    const sound = await buildSource(team.id, owner.id, { title: "Sound source" });
    const theirs = await buildSource(other.team.id, other.owner.id, { title: "Their source" });

    const convoy = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Convoy",
      content: mentionDoc(["The convoy turned back.", citation(wire.id)], ["Fuel ran short.", citation(wire.id), citation(satellite.id)], ["All quiet.", citation(sound.id)]),
    });
    const edition = await publishNote((await findNote(convoy.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    const depot = await createNote({ teamId: team.id, userId: owner.id, title: "Depot", content: mentionDoc(["The depot burned.", citation(satellite.id)]) });
    await createNote({ teamId: other.team.id, userId: other.owner.id, title: "Elsewhere", content: mentionDoc(["Elsewhere.", citation(theirs.id)]) });

    expect(await affectedBriefs(team.id)).toEqual([]);

    await regradeSource(team.id, owner.id, satellite.id, { reliability: "C", reason: "The pass was misdated." });
    await retractSource(team.id, owner.id, wire.id, "Reuters withdrew the story.");
    await retractSource(other.team.id, other.owner.id, theirs.id, "Theirs.");

    const affected = await affectedBriefs(team.id);
    expect(affected.map((entry) => [entry.source.title, entry.standing.state])).toEqual([
      ["Wire report", "retracted"],
      ["Satellite pass", "downgraded"],
    ]);
    expect(affected[0]).toMatchObject({
      standing: { state: "retracted", reason: "Reuters withdrew the story." },
      notes: [{ id: convoy.id, title: "Convoy", status: "published", sentences: ["The convoy turned back.", "Fuel ran short."] }],
      editions: [{ noteId: convoy.id, number: edition.number, title: "Convoy", sentences: ["The convoy turned back.", "Fuel ran short."] }],
    });
    expect(affected[1]).toMatchObject({
      standing: { state: "downgraded", from: "A", to: "C", reason: "The pass was misdated." },
      notes: expect.arrayContaining([expect.objectContaining({ id: depot.id, sentences: ["The depot burned."] }), expect.objectContaining({ id: convoy.id, sentences: ["Fuel ran short."] })]),
      editions: [expect.objectContaining({ noteId: convoy.id, sentences: ["Fuel ran short."] })],
    });

    // Reinstated, and graded back up: nothing is in question any more.
    await reinstateSource(team.id, owner.id, wire.id, "Re-issued.");
    await regradeSource(team.id, owner.id, satellite.id, { reliability: "B", reason: "Date corrected." });
    expect(await affectedBriefs(team.id)).toEqual([]);
  });
});

describe("a source in question, as the database reads it", () => {
  it("agrees with standingOf for every regrading, a retraction and a reinstatement", async () => {
    const { team, owner } = await buildTeam();
    const inDatabase = async (id: string) => {
      const [row] = await db()
        .select({ questioned: sql<boolean>`${inQuestion(sources.id)}` })
        .from(sources)
        .where(and(eq(sources.teamId, team.id), eq(sources.id, id)));
      return row.questioned;
    };
    for (const from of RELIABILITY_GRADES)
      for (const to of RELIABILITY_GRADES.filter((grade) => grade !== from)) {
        const source = await buildSource(team.id, owner.id, { reliability: from });
        await regradeSource(team.id, owner.id, source.id, { reliability: to, reason: "Regraded." });
        const standing = (await standingOf(team.id, [source.id])).get(source.id)!;
        expect(standing.state === "downgraded", `${from} to ${to}`).toBe(isDowngrade(from, to));
        expect(await inDatabase(source.id), `${from} to ${to}`).toBe(standing.state !== "sound");
      }
    const source = await buildSource(team.id, owner.id);
    await retractSource(team.id, owner.id, source.id, "Withdrawn.");
    expect(await inDatabase(source.id)).toBe(true);
    await reinstateSource(team.id, owner.id, source.id, "Back.");
    expect(await inDatabase(source.id)).toBe(false);
  });
});
