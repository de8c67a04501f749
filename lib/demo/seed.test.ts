import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { judgments, noteCitations, notes, sources, teams } from "@/db/schema";
import { mapEntities } from "@/lib/entities/map-entities";
import { useTestDatabase } from "@/lib/testing/database";
import { seedDemo } from "./seed";

useTestDatabase();

describe("the demo team", () => {
  it("is made once, on an empty database, with notes that cite its graded sources", async () => {
    expect(await seedDemo()).toBe(true);

    const register = await db().select({ title: sources.title, reliability: sources.reliability, originatorEntityId: sources.originatorEntityId }).from(sources);
    expect(register).toHaveLength(4);
    expect(register.find((source) => source.title.startsWith("Security Council meeting record"))).toMatchObject({ reliability: "A", originatorEntityId: expect.any(String) });

    const cited = await db()
      .select({ title: notes.title, sentence: noteCitations.sentence, credibility: noteCitations.credibility })
      .from(noteCitations)
      .innerJoin(notes, eq(notes.id, noteCitations.noteId))
      .orderBy(notes.title, noteCitations.ordinal);
    expect(cited).toContainEqual({ title: "Security Council answers the North Korean test", sentence: "14 October 2006 — Five days after the North Korean nuclear test, the UN Security Council voted unanimously for Resolution 1718.", credibility: "1" });
    expect(cited).toHaveLength(4);

    // The brief meant for the public is clear; the working notes are not, and one carries a paragraph marked higher.
    const marked = await db().select({ title: notes.title, marking: notes.marking, portionMarking: notes.portionMarking }).from(notes).orderBy(notes.title);
    expect(marked).toEqual([
      { title: "Iran resolution: what Moscow needs", marking: "green", portionMarking: null },
      { title: "Security Council answers the North Korean test", marking: "clear", portionMarking: null },
      { title: "Six-party talks set to resume in Beijing", marking: "amber", portionMarking: "amber+strict" },
    ]);
    // The brief opens with its key judgments, each read in the team's scale.
    const judged = await db().select({ text: judgments.text, term: judgments.likelihoodTerm, confidence: judgments.confidence }).from(judgments).orderBy(judgments.ordinal);
    expect(judged).toEqual([
      { text: "China will likely enforce the resolution's financial measures only in part through 2007.", term: "likely", confidence: "moderate" },
      { text: "A second North Korean nuclear test before the talks resume is unlikely.", term: "unlikely", confidence: "low" },
    ]);
    // The map has something to show on a fresh start: the events where they happened, the countries at their centres.
    const [team] = await db().select({ id: teams.id }).from(teams);
    const { entities: located } = await mapEntities(team.id, { show: "all", undated: true });
    expect(located.filter((entity) => entity.kind === "event")).toHaveLength(4);
    expect(located.filter((entity) => entity.kind === "actor").map((entity) => entity.countryCode).sort()).toEqual(["CN", "IR", "JP", "KP", "RU", "US"]);
    expect(located.every((entity) => entity.position !== null)).toBe(true);
    expect(await seedDemo()).toBe(false);
  });
});
