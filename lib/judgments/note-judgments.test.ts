import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { judgments, notes, teams } from "@/db/schema";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { extractJudgments } from "@/lib/editor/judgments";
import { findNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, citation, judgedDoc, judgmentItem } from "@/lib/testing/factories";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";

useTestDatabase();

/** Whether a subscriber after Dossier's fails the store, as a failing write would. */
let failing = false;
const failer: NoteSubscriber = {
  async bodyChanged() {
    if (failing) throw new Error("a later write of the store failed");
  },
};
const collab = useCollabServer({ subscribers: [failer], storeRetry: { firstMs: 50, maxMs: 400 } });

const S1 = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const { icd203, phia } = LIKELIHOOD_SCALES;

const judgmentsOf = (noteId: string) =>
  db()
    .select({ key: judgments.key, ordinal: judgments.ordinal, text: judgments.text, rank: judgments.likelihoodRank, term: judgments.likelihoodTerm, confidence: judgments.confidence })
    .from(judgments)
    .where(eq(judgments.noteId, noteId))
    .orderBy(judgments.ordinal);

describe("reading key judgments out of a document", () => {
  it("reads each judgment's likelihood from its sentence, in the team's scale", () => {
    const doc = judgedDoc([
      judgmentItem("North Korea will very likely conduct a seventh nuclear test this year.", { id: "a", confidence: "moderate" }),
      judgmentItem("Beijing is unlikely to back new sanctions.", { id: "b", confidence: "high" }),
      judgmentItem("Talks will probably resume in the spring.", { id: "c", confidence: null }),
    ]);
    expect(extractJudgments(doc, icd203).map((j) => [j.key, j.likelihood, j.confidence])).toEqual([
      ["a", { rank: 6, term: "very likely" }, "moderate"],
      ["b", { rank: 3, term: "unlikely" }, "high"],
      // "probably" is no word of ICD 203: the judgment has no likelihood until it is written in the scale's words.
      ["c", null, null],
    ]);
    expect(extractJudgments(doc, phia)[2].likelihood).toEqual({ rank: 5, term: "probably" });
  });

  it("reads a likelihood as the estimative check does: a longer phrase off the scale is none, an adjective is no estimate", () => {
    const doc = judgedDoc([
      judgmentItem("A second test is highly likely this winter.", { id: "h" }),
      judgmentItem("Work at a remote site will continue.", { id: "r" }),
      judgmentItem("The chance of a deal is remote.", { id: "d" }),
    ]);
    expect(extractJudgments(doc, icd203).map((j) => j.likelihood)).toEqual([null, null, { rank: 1, term: "remote" }]);
    expect(extractJudgments(doc, phia)[0].likelihood).toEqual({ rank: 6, term: "highly likely" });
  });

  it("keeps each judgment's id as its key, and knows a pasted copy sharing an id by its place", () => {
    const doc = judgedDoc([
      judgmentItem("One likely thing.", { id: "same" }),
      judgmentItem("Its copy, likely too.", { id: "same" }),
      judgmentItem("No id, likely.", { id: "" }),
      // An id written to look like a place takes no other judgment's key.
      judgmentItem("Likely a trap.", { id: "#2" }),
      judgmentItem("A likely impostor.", { id: "at-2" }),
    ]);
    expect(extractJudgments(doc, icd203).map((j) => j.key)).toEqual(["same", "#2", "#3", "#4", "at-2"]);
  });

  it("does not take a likelihood quoted from someone else for the judgment's own", () => {
    const doc = judgedDoc([judgmentItem('The minister called a deal "likely"; we judge one very unlikely before June.', { id: "q" })]);
    expect(extractJudgments(doc, icd203)[0].likelihood).toEqual({ rank: 2, term: "very unlikely" });
  });

  it("lists the sources a judgment's citations cite", () => {
    const doc = judgedDoc([judgmentItem(["Sanctions will likely tighten.", citation(S1), citation(S1)], { id: "s" })]);
    expect(extractJudgments(doc, icd203)[0].sourceIds).toEqual([S1]);
  });
});

describe("a note's key judgments, derived as it is stored", () => {
  async function openJudgedNote() {
    failing = false;
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(
      team.id,
      analyst.id,
      judgedDoc([judgmentItem("Pyongyang will likely test a missile before the summit.", { id: "k1" }), judgmentItem("The talks are unlikely to resume.", { id: "k2" })], "Background."),
    );
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    const block = writer.doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement;
    return { team, note, writer, block };
  }

  it("are on record for a new note, with its body", async () => {
    const { note } = await openJudgedNote();
    expect(await judgmentsOf(note.id)).toEqual([
      { key: "k1", ordinal: 1, text: "Pyongyang will likely test a missile before the summit.", rank: 5, term: "likely", confidence: "moderate" },
      { key: "k2", ordinal: 2, text: "The talks are unlikely to resume.", rank: 3, term: "unlikely", confidence: "moderate" },
    ]);
  });

  it("follow an edit of the words, a change of confidence and a move, keeping each judgment's identity", async () => {
    const { note, writer, block } = await openJudgedNote();
    const first = block.get(0) as Y.XmlElement;
    writer.doc.transact(() => {
      (first.get(0) as Y.XmlText).insert("Pyongyang will ".length, "very ");
      (block.get(1) as Y.XmlElement).setAttribute("confidence", "high");
      // Moved: the second judgment now comes first.
      const moved = new Y.XmlElement("judgment");
      moved.setAttribute("id", "k2");
      moved.setAttribute("confidence", "high");
      moved.setAttribute("assumptions", "");
      moved.insert(0, [new Y.XmlText("The talks are unlikely to resume.")]);
      block.delete(1, 1);
      block.insert(0, [moved]);
    });
    await eventually(async () =>
      expect(await judgmentsOf(note.id)).toEqual([
        { key: "k2", ordinal: 1, text: "The talks are unlikely to resume.", rank: 3, term: "unlikely", confidence: "high" },
        { key: "k1", ordinal: 2, text: "Pyongyang will very likely test a missile before the summit.", rank: 6, term: "very likely", confidence: "moderate" },
      ]),
    );
  });

  it("are written in the store's transaction: a store that fails writes neither the body nor its judgments", async () => {
    const { note, block } = await openJudgedNote();
    failing = true;
    ((block.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert("Pyongyang will ".length, "very ");
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await judgmentsOf(note.id))[0].term).toBe("likely");
    expect((await findNote(note.id))?.text).not.toContain("very likely");

    failing = false;
    await eventually(async () => expect((await judgmentsOf(note.id))[0].term).toBe("very likely"));
    expect((await findNote(note.id))?.text).toContain("Pyongyang will very likely test");
  });

  it("read likelihoods in the team's scale", async () => {
    const { team } = await buildTeam();
    await db().update(teams).set({ likelihoodScale: "phia" }).where(eq(teams.id, team.id));
    const note = await buildNote(team.id, (await buildMember(team.id, "analyst")).id, judgedDoc([judgmentItem("It is highly likely the embargo holds.", { id: "p" })]));
    expect((await judgmentsOf(note.id))[0]).toMatchObject({ rank: 6, term: "highly likely" });
  });
});

describe("a note's portion marking", () => {
  it("is the highest portion mark in its body, kept as the body changes", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, analyst.id, judgedDoc([judgmentItem("A likely thing.", { marking: "green" })], "Open text."));
    expect((await findNote(note.id))?.portionMarking).toBe("green");

    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    const paragraph = writer.doc.getXmlFragment(BODY_FIELD).get(1) as Y.XmlElement;
    paragraph.setAttribute("marking", "amber+strict");
    await eventually(async () => expect((await findNote(note.id))?.portionMarking).toBe("amber+strict"));

    paragraph.setAttribute("marking", null as never);
    ((writer.doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement).setAttribute("marking", null as never);
    await eventually(async () => expect((await findNote(note.id))?.portionMarking).toBeNull());
  });

  it("starts a new note at its team's default marking", async () => {
    const { team } = await buildTeam();
    await db().update(teams).set({ defaultMarking: "amber" }).where(eq(teams.id, team.id));
    const note = await buildNote(team.id, (await buildMember(team.id, "analyst")).id, judgedDoc([judgmentItem("x")]));
    const [row] = await db().select({ marking: notes.marking }).from(notes).where(eq(notes.id, note.id));
    expect(row.marking).toBe("amber");
  });
});
