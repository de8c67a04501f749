import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { notes, type Role } from "@/db/schema";
import { loadNoteState, storeNoteState } from "@/lib/collab/note-state";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { findNote } from "@/lib/notes/queries";
import { appendParagraph, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam } from "@/lib/testing/factories";
import { MATCH_END, MATCH_START } from "./query";
import { actor, buildTitledNote, comment, editedAt, event, marked, noteIds, search, submitted, unmarked } from "./search-fixtures";

useTestDatabase();

describe("ranking", () => {
  it("puts a note with the word in its title above one with it only in the body, even an older one", async () => {
    const { team, owner } = await buildTeam();
    const inTitle = await buildTitledNote(team.id, owner.id, "Bushehr", "The reactor is said to be safe.");
    const inBody = await buildTitledNote(team.id, owner.id, "Weekly round-up", "The reactor at Bushehr is said to be safe.");
    await editedAt(inTitle.id, "2024-01-01T12:00:00Z");
    await editedAt(inBody.id, "2024-06-01T12:00:00Z");
    await buildTitledNote(team.id, owner.id, "Elsewhere", "Nothing about the reactor.");

    expect(await noteIds(team.id, { q: "Bushehr" })).toEqual([inTitle.id, inBody.id]);
  });

  it("puts the more recently edited note first among equal matches", async () => {
    const { team, owner } = await buildTeam();
    const first = await buildTitledNote(team.id, owner.id, "Vienna talks", "Talks resumed in Vienna.");
    const second = await buildTitledNote(team.id, owner.id, "Vienna talks", "Talks resumed in Vienna.");

    await editedAt(first.id, "2024-03-01T12:00:00Z");
    await editedAt(second.id, "2024-01-01T12:00:00Z");
    expect(await noteIds(team.id, { q: "Vienna" })).toEqual([first.id, second.id]);

    await editedAt(second.id, "2024-05-01T12:00:00Z");
    expect(await noteIds(team.id, { q: "Vienna" })).toEqual([second.id, first.id]);
  });

  it("returns the note's title, status, kind and last edit with each hit", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildTitledNote(team.id, owner.id, "Natanz", "Centrifuges spin.", { kind: "brief", status: "in_review" });
    await editedAt(note.id, "2024-02-03T04:05:06Z");

    const [hit] = (await search(team.id, "owner", { q: "centrifuges" })).notes;
    expect(hit).toMatchObject({ id: note.id, title: "Natanz", kind: "brief", status: "in_review", updatedAt: new Date("2024-02-03T04:05:06Z") });
  });
});

describe("snippets", () => {
  // A new comment is told to the note's open editors through the running collaboration server.
  useCollabServer();

  it("mark the matched words and nothing else", async () => {
    const { team, owner } = await buildTeam();
    const text = "Officials in Tehran said the Bushehr reactor is safe. Inspectors will return to Bushehr next month.";
    await buildTitledNote(team.id, owner.id, "Reactor", text);

    const [hit] = (await search(team.id, "owner", { q: "Bushehr" })).notes;
    expect(marked(hit.snippet)).toEqual(["Bushehr", "Bushehr"]);
    // Apart from the marks, the snippet is the note's own words.
    for (const fragment of unmarked(hit.snippet).split(" … ")) expect(text).toContain(fragment.trim());
  });

  it("mark every word of the query, in the words as written", async () => {
    const { team, owner } = await buildTeam();
    await buildTitledNote(team.id, owner.id, "Reactors", "Two reactors were inspected by the agency last week.");

    const [hit] = (await search(team.id, "owner", { q: "reactor inspection" })).notes;
    expect(marked(hit.snippet)).toEqual(["reactors", "inspected"]);
  });

  it("give back markup in the text as the same characters, not as HTML", async () => {
    const { team, owner } = await buildTeam();
    const text = `Bushehr staff found <script>alert("x")</script> & <b>bold</b> text.`;
    await buildTitledNote(team.id, owner.id, "Injected", text);

    const [hit] = (await search(team.id, "owner", { q: "Bushehr" })).notes;
    expect(marked(hit.snippet)).toEqual(["Bushehr"]);
    expect(unmarked(hit.snippet)).toContain(`<script>alert("x")</script> & <b>bold</b> text`);
    expect(text).toContain(unmarked(hit.snippet));
  });

  it("give a comment's words back as written, the match marked", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await buildTitledNote(team.id, owner.id, "Reactor", "The reactor is safe.");
    const body = "Officials call <em>Bushehr</em> safe.";
    await comment(note, reviewer.id, body);

    const [hit] = (await search(team.id, "reviewer", { q: "Bushehr" })).comments;
    expect(hit.snippet).toContain(`Officials call <em>${MATCH_START}Bushehr${MATCH_END}</em> safe`);
    expect(body).toContain(unmarked(hit.snippet));
  });

  it("start the note's text when only filters are set", async () => {
    const { team, owner } = await buildTeam();
    const text = "Talks resumed in Vienna. ".repeat(20).trim();
    await buildTitledNote(team.id, owner.id, "Vienna", text, { status: "approved" });

    const [hit] = (await search(team.id, "owner", { status: "approved" })).notes;
    expect(hit.snippet).toBe(text.slice(0, 200));
    expect(marked(hit.snippet)).toEqual([]);
  });
});

describe("query syntax", () => {
  async function teamWithNotes() {
    const { team, owner } = await buildTeam();
    const build = (title: string, body: string) => buildTitledNote(team.id, owner.id, title, body);
    return {
      team,
      phrase: await build("Relief", "Sanctions relief for Iran was discussed."),
      reversed: await build("Refused", "Relief from sanctions on Iran was refused."),
      russia: await build("Moscow", "Iran and Russia signed a fuel deal."),
      china: await build("Beijing", "Iran and China signed a trade deal."),
    };
  }
  const sorted = (ids: string[]) => [...ids].sort();

  it("matches a quoted phrase only in that order", async () => {
    const { team, phrase, reversed } = await teamWithNotes();
    expect(sorted(await noteIds(team.id, { q: "sanctions relief" }))).toEqual(sorted([phrase.id, reversed.id]));
    expect(await noteIds(team.id, { q: '"sanctions relief"' })).toEqual([phrase.id]);
    expect(await noteIds(team.id, { q: '"relief from sanctions"' })).toEqual([reversed.id]);
  });

  it("leaves out notes with a word after a minus", async () => {
    const { team, phrase, reversed, china } = await teamWithNotes();
    expect(sorted(await noteIds(team.id, { q: "Iran -Russia" }))).toEqual(sorted([phrase.id, reversed.id, china.id]));
    expect(sorted(await noteIds(team.id, { q: "-Russia Iran" }))).toEqual(sorted([phrase.id, reversed.id, china.id]));
    expect(await noteIds(team.id, { q: "deal -Russia" })).toEqual([china.id]);
    expect(await noteIds(team.id, { q: "-Russia deal" })).toEqual([china.id]);
  });

  it("finds either word with or", async () => {
    const { team, russia, china } = await teamWithNotes();
    expect(sorted(await noteIds(team.id, { q: "Russia or China" }))).toEqual(sorted([russia.id, china.id]));
  });

  it("takes the last word as the start of a word, as one types", async () => {
    const { team, russia, china } = await teamWithNotes();
    expect(await noteIds(team.id, { q: "Russi" })).toEqual([russia.id]);
    expect(await noteIds(team.id, { q: "fuel Russi" })).toEqual([russia.id]);
    expect(await noteIds(team.id, { q: "trade Russi" })).toEqual([]);
    expect(await noteIds(team.id, { q: "Chi" })).toEqual([china.id]);
    // Only the last word: an earlier partial word must match whole.
    expect(await noteIds(team.id, { q: "Russi deal" })).toEqual([]);
    // After "or", the word being typed is an alternative, not one more word required.
    expect(sorted(await noteIds(team.id, { q: "Russia or Chi" }))).toEqual(sorted([russia.id, china.id]));
    expect(sorted(await noteIds(team.id, { q: "Russia OR Chi" }))).toEqual(sorted([russia.id, china.id]));
  });

  it("matches whole words only once submitted, so a search needs no prefix expansion", async () => {
    const { team, russia } = await teamWithNotes();
    const ids = async (q: string) => (await submitted(team.id, "analyst", { q })).notes.map((hit) => hit.id);
    expect(await ids("Russi")).toEqual([]);
    expect(await ids("Russia")).toEqual([russia.id]);
  });

  it("takes the end of a hyphenated name as the start of a word, and a minus as a minus", async () => {
    const { team, owner } = await buildTeam();
    const qaeda = await buildTitledNote(team.id, owner.id, "Claim", "Al-Qaeda claimed the attack.");
    const other = await buildTitledNote(team.id, owner.id, "Denial", "Al-Shabaab denied the attack.");
    expect(await noteIds(team.id, { q: "Al-Qa" })).toEqual([qaeda.id]);
    expect(await noteIds(team.id, { q: "attack -Al-Qaeda" })).toEqual([other.id]);
  });

  it("finds nothing, without failing, for queries made only of operators or quotes", async () => {
    const { team } = await teamWithNotes();
    for (const q of ['""', '"', "-", "- -", '-""', "!", "&", "|", "<->", ":*", "()", "'", "\\", '" - "', "   ", "&|!():*<->"]) {
      for (const role of ["owner", "reader"] as const) {
        expect(await search(team.id, role, { q }), `${role}: ${q}`).toEqual({ notes: [], briefs: [], entities: [], comments: [] });
      }
    }
  });

  it("reads tsquery operators mixed with words as plain words", async () => {
    const { team, russia } = await teamWithNotes();
    for (const q of ["Iran & Russia", "Iran | Russia fuel", "Russia:*", "Russia<->fuel", "(Russia", "fuel!", "'Russia'", "Russia\\"]) {
      expect(await noteIds(team.id, { q }), q).toEqual([russia.id]);
    }
  });

  it("answers a 10,000-character query from its beginning", async () => {
    const { team, russia } = await teamWithNotes();
    expect(await noteIds(team.id, { q: "Russia ".repeat(1_500) })).toEqual([russia.id]);
    expect(await noteIds(team.id, { q: `Russia ${"x".repeat(10_000)}` })).toEqual([]);
    // One endless word, only operators, an unclosed phrase of a repeated word: nothing has them.
    for (const q of ["ж".repeat(10_000), "字".repeat(10_000), "-\"".repeat(5_000), `"${"Iran ".repeat(2_000)}`]) {
      expect(await search(team.id, "owner", { q })).toEqual({ notes: [], briefs: [], entities: [], comments: [] });
    }
  });

  it("treats SQL-like text as words to look for", async () => {
    const { team, phrase, reversed, russia, china } = await teamWithNotes();
    const before = (await db().select({ n: sql<number>`count(*)::int` }).from(notes))[0].n;
    for (const q of ["' OR 1=1; --", "'; DROP TABLE notes; --", "Robert'); DELETE FROM notes; --", "1' or '1'='1", "$1", "%", "_"]) {
      const results = await search(team.id, "owner", { q });
      expect(results.notes, q).toEqual([]);
      expect(results.comments, q).toEqual([]);
    }
    expect((await db().select({ n: sql<number>`count(*)::int` }).from(notes))[0].n).toBe(before);
    expect(sorted(await noteIds(team.id, { q: "Iran" }))).toEqual(sorted([phrase.id, reversed.id, russia.id, china.id]));
  });
});



describe("edits", () => {
  it("are found once saved, and the words they removed are not", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildTitledNote(team.id, owner.id, "Enrichment", "Levels are unchanged.");
    expect(await noteIds(team.id, { q: "Fordow" })).toEqual([]);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadNoteState(note.id))!);
    appendParagraph(doc, "Centrifuges moved to Fordow.");
    await storeNoteState(note.id, doc, owner.id, []);
    const [hit] = (await search(team.id, "owner", { q: "Fordow" })).notes;
    expect(hit.id).toBe(note.id);
    expect(marked(hit.snippet)).toEqual(["Fordow"]);

    const body = doc.getXmlFragment(BODY_FIELD);
    body.delete(0, 1);
    await storeNoteState(note.id, doc, owner.id, []);
    expect((await findNote(note.id))?.text).toBe("Centrifuges moved to Fordow.");
    expect(await noteIds(team.id, { q: "unchanged" })).toEqual([]);
    expect(await noteIds(team.id, { q: "Fordow" })).toEqual([note.id]);
  });
});

describe("actors and events", () => {
  it("are found by name and by alias, in the team only", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran", ["Persia", "Islamic Republic"]);
    const talks = await event(team.id, owner.id, "Vienna talks", { startsOn: "2006-10" });
    await actor(team.id, owner.id, "Russia");
    const { team: other, owner: otherOwner } = await buildTeam();
    await actor(other.id, otherOwner.id, "Persia");

    const names = async (q: string, role: Role = "analyst") => (await search(team.id, role, { q })).entities.map((hit) => hit.id);
    expect(await names("Iran")).toEqual([iran.id]);
    expect(await names("persia")).toEqual([iran.id]);
    expect(await names("Islamic Republic")).toEqual([iran.id]);
    expect(await names("Pers")).toEqual([iran.id]);
    expect(await names("Vienna")).toEqual([talks.id]);
    expect(await names("talks")).toEqual([talks.id]);
    expect(await names("Moscow")).toEqual([]);
    // Readers find actors and events too.
    expect(await names("Persia", "reader")).toEqual([iran.id]);

    const [hit] = (await search(team.id, "analyst", { q: "Persia" })).entities;
    expect(hit).toEqual({ id: iran.id, kind: "actor", name: "Iran", aliases: ["Persia", "Islamic Republic"] });
  });
});
