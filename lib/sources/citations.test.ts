import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { noteCitations, sourceChanges } from "@/db/schema";
import { citationFromPastedHtml, extractCitations } from "@/lib/editor/citations";
import { documentToHtml } from "@/lib/editor/html";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { endnotesOf } from "./edition-citations";
import { syncNoteCitations } from "./note-citations";
import { regradeSource } from "./register";
import { standingOf } from "./standing";
import { sourceInput } from "./validation";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

const S1 = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const S2 = "5c8d1e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f";

const citationsOf = (noteId: string) =>
  db()
    .select({ ordinal: noteCitations.ordinal, sourceId: noteCitations.sourceId, credibility: noteCitations.credibility, sentence: noteCitations.sentence })
    .from(noteCitations)
    .where(eq(noteCitations.noteId, noteId))
    .orderBy(noteCitations.ordinal);

describe("reading citations out of a document", () => {
  it("finds them in document order with the sentence each stands after", () => {
    const found = extractCitations(
      mentionDoc(
        ["Talks stalled. The convoy left at dawn.", citation(S1, { credibility: "2", locator: "p. 4", obtainedOn: "2026-03-02" }), " It carried fuel", citation(S2, { credibility: "3" })],
        ["Nothing cited here."],
        [citation(S1, { credibility: "1" }), "A citation before any text."],
      ),
    );
    expect(found.map(({ ordinal, sourceId, credibility, locator, obtainedOn, sentence }) => ({ ordinal, sourceId, credibility, locator, obtainedOn, sentence }))).toEqual([
      { ordinal: 1, sourceId: S1, credibility: "2", locator: "p. 4", obtainedOn: "2026-03-02", sentence: "The convoy left at dawn." },
      { ordinal: 2, sourceId: S2, credibility: "3", locator: "", obtainedOn: null, sentence: "It carried fuel" },
      { ordinal: 3, sourceId: S1, credibility: "1", locator: "", obtainedOn: null, sentence: "" },
    ]);
  });

  it.each([
    ["a credibility of 0", { credibility: "0" }],
    ["a credibility of 7", { credibility: "7" }],
    ["a credibility written as a grade pair", { credibility: "A1" }],
    ["a credibility that is a number", { credibility: 2 }],
    ["a source id that is not a uuid", { sourceId: "G7" }],
    ["an obtained date that is no day", { obtainedOn: "2026-02-30" }],
    ["a locator of 301 characters", { locator: "x".repeat(301) }],
    ["a locator that is an object", { locator: { html: "<b>" } }],
  ])("ignores a citation with %s", (_, attrs) => {
    const node = citation(S1);
    node.attrs = { ...node.attrs, ...attrs };
    expect(extractCitations(mentionDoc(["Claim.", node]))).toEqual([]);
  });
});

describe("grades", () => {
  it.each(["G", "A0", "a", "", "AB"])("refuses a source graded %j", (reliability) => {
    expect(sourceInput.safeParse({ title: "Wire report", kind: "media", reliability }).success).toBe(false);
  });

  it("keeps every change of grade, with its reason", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildSource(team.id, owner.id, { reliability: "B" });
    await regradeSource(team.id, owner.id, source.id, { reliability: "D", reason: "Two of its reports proved false." });
    await expect(regradeSource(team.id, owner.id, source.id, { reliability: "D", reason: "Again." })).rejects.toThrow("already graded D");

    const history = await db().select().from(sourceChanges).where(eq(sourceChanges.sourceId, source.id)).orderBy(sourceChanges.changedAt);
    expect(history.map(({ kind, fromReliability, toReliability, reason, changedBy }) => ({ kind, fromReliability, toReliability, reason, changedBy }))).toEqual([
      { kind: "graded", fromReliability: null, toReliability: "B", reason: "", changedBy: owner.id },
      { kind: "regraded", fromReliability: "B", toReliability: "D", reason: "Two of its reports proved false.", changedBy: owner.id },
    ]);
  });

  it("cannot regrade another team's source", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const theirs = await buildSource(other.team.id, other.owner.id);
    await expect(regradeSource(team.id, owner.id, theirs.id, { reliability: "E", reason: "x" })).rejects.toThrow("That source was not found.");
  });
});

describe("a note's citations", () => {
  it("keeps the citations of the team's sources and drops another team's, numbering what is left", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const ours = await buildSource(team.id, owner.id);
    const theirs = await buildSource(other.team.id, other.owner.id, { title: "Their secret source" });
    const note = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Convoy",
      content: mentionDoc(["Fuel ran short.", citation(theirs.id), " The convoy turned back.", citation(ours.id, { credibility: "3" })]),
    });

    expect(await citationsOf(note.id)).toEqual([{ ordinal: 1, sourceId: ours.id, credibility: "3", sentence: "The convoy turned back." }]);
    // Rendered, the other team's citation draws nothing and takes no number.
    const html = documentToHtml(note.content!, { citedSources: new Set([ours.id]) });
    expect(html).toContain('<sup class="citation" id="citation-1"><a href="#endnote-1" aria-label="Endnote 1">1</a></sup>');
    expect(html).not.toContain("citation-2");
  });
});

describe("an edition's endnotes", () => {
  it("are frozen with the edition: regrading the source later leaves them as published", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", kind: "media", originator: "Reuters", reliability: "B" });
    const note = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Convoy",
      content: mentionDoc(["The convoy turned back.", citation(wire.id, { credibility: "2", locator: "para. 3", obtainedOn: "2026-03-02" })]),
    });
    const edition = await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    await regradeSource(team.id, owner.id, wire.id, { reliability: "E", reason: "Retracted the story." });

    expect((await endnotesOf(edition.id)).map(({ ordinal, sourceTitle, sourceKind, originator, reliability, credibility, locator, obtainedOn, sentence }) => ({ ordinal, sourceTitle, sourceKind, originator, reliability, credibility, locator, obtainedOn, sentence }))).toEqual([
      { ordinal: 1, sourceTitle: "Wire report", sourceKind: "media", originator: "Reuters", reliability: "B", credibility: "2", locator: "para. 3", obtainedOn: "2026-03-02", sentence: "The convoy turned back." },
    ]);
  });
});

describe("a source's standing", () => {
  it("is sound, then downgraded by a lower grade, sound again when graded back up", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { reliability: "B" });
    const theirs = await buildSource(other.team.id, other.owner.id);
    expect((await standingOf(team.id, [wire.id, theirs.id])).get(wire.id)).toEqual({ state: "sound" });
    expect((await standingOf(team.id, [theirs.id])).has(theirs.id)).toBe(false);

    await regradeSource(team.id, owner.id, wire.id, { reliability: "D", reason: "Two stories were false." });
    expect((await standingOf(team.id, [wire.id])).get(wire.id)).toMatchObject({ state: "downgraded", from: "B", to: "D", reason: "Two stories were false." });
    await regradeSource(team.id, owner.id, wire.id, { reliability: "C", reason: "Corrections published." });
    expect((await standingOf(team.id, [wire.id])).get(wire.id)).toEqual({ state: "sound" });
  });
});

describe("a long passage", () => {
  it("keeps at most the last 600 characters of a sentence with no full stop, for each of many citations", () => {
    const runOn = "a".repeat(40_000);
    const found = extractCitations(mentionDoc([runOn, ". The convoy", ...Array.from({ length: 2_000 }, () => citation(S1))]));
    expect(found).toHaveLength(2_000);
    expect(found[0].sentence).toBe("The convoy");
    const unbroken = extractCitations(mentionDoc([runOn, citation(S1)]));
    expect(unbroken[0].sentence).toBe("a".repeat(600));
  });
});

describe("a note citing thousands of times", () => {
  it("stores and publishes all of its citations, more than one statement's parameters could carry", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id);
    const cited = Array.from({ length: 8_000 }, (_, index) => [`Claim ${index}.`, citation(index % 2 ? wire.id : crypto.randomUUID())]).flat();
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Dense", content: mentionDoc(cited) });

    expect(await citationsOf(note.id)).toHaveLength(4_000);
    const edition = await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    const endnotes = await endnotesOf(edition.id);
    expect(endnotes).toHaveLength(4_000);
    expect(endnotes[3_999]).toMatchObject({ ordinal: 4_000, sentence: "Claim 7999." });
  }, 60_000);
});

describe("a citation pasted as HTML", () => {
  const pasted = (attrs: Record<string, unknown>) => JSON.stringify({ id: "c1", sourceId: S1, credibility: "2", locator: "p. 4", obtainedOn: null, ...attrs });

  it("keeps a citation copied from another note", () => {
    expect(citationFromPastedHtml(pasted({}))).toEqual({ id: "c1", sourceId: S1, credibility: "2", locator: "p. 4", obtainedOn: null });
  });

  it.each([
    ["a credibility of 9", pasted({ credibility: "9" })],
    ["a year of five digits", pasted({ obtainedOn: "20260-01-01" })],
    ["no source", pasted({ sourceId: null })],
    ["markup that is not JSON", "<b>1</b>"],
    ["nothing", null],
  ])("parses another page's citation with %s as no citation, which the server would refuse", (_, data) => {
    expect(citationFromPastedHtml(data)).toBe(false);
  });
});

describe("storing a note again", () => {
  /** Each citation row's physical place: a row rewritten moves, one left alone stays. */
  const places = (noteId: string) =>
    db()
      .select({ ordinal: noteCitations.ordinal, ctid: sql<string>`ctid::text` })
      .from(noteCitations)
      .where(eq(noteCitations.noteId, noteId))
      .orderBy(noteCitations.ordinal);

  it("rewrites only the citations that changed, and drops those no longer cited", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id);
    const body = (middle: string, credibility: string, more: boolean) =>
      mentionDoc(["The convoy turned back.", citation(wire.id, { id: "first" }), ` ${middle}`, citation(wire.id, { id: "second", credibility }), ...(more ? [" Fuel ran short.", citation(wire.id, { id: "third" })] : [])]);
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Convoy", content: body("It left at dawn.", "2", true) });
    const before = await places(note.id);

    await db().transaction((tx) => syncNoteCitations(tx, note, body("It left at dawn.", "2", true)));
    expect(await places(note.id)).toEqual(before);

    await db().transaction((tx) => syncNoteCitations(tx, note, body("It left at noon.", "4", false)));
    const after = await places(note.id);
    expect(after.map((row) => row.ordinal)).toEqual([1, 2]);
    expect(after[0]).toEqual(before[0]);
    expect(after[1].ctid).not.toBe(before[1].ctid);
    expect(await citationsOf(note.id)).toEqual([
      { ordinal: 1, sourceId: wire.id, credibility: "2", sentence: "The convoy turned back." },
      { ordinal: 2, sourceId: wire.id, credibility: "4", sentence: "It left at noon." },
    ]);
  });
});
