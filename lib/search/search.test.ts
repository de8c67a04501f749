import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { editions, notes, revisions, type NoteKind, type NoteStatus, type Role } from "@/db/schema";
import { loadNoteState, storeNoteState } from "@/lib/collab/note-state";
import { createThread } from "@/lib/comments/queries";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { createNote, findNote } from "@/lib/notes/queries";
import { setNoteTags } from "@/lib/tags/queries";
import { appendParagraph, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, mention, mentionDoc, paragraphs } from "@/lib/testing/factories";
import { parseSearchFilters } from "./filters";
import { MATCH_END, MATCH_START } from "./query";
import { searchTeam } from "./search";

useTestDatabase();

type Params = Parameters<typeof parseSearchFilters>[0];

/** The policies read the role (and team) of whoever searches; who it is does not change the results. */
const asMember = (teamId: string, role: Role) => ({ userId: crypto.randomUUID(), teamId, role });

/** A search as the search page runs it: the URL's parameters, read through the same parser. */
// As the palette searches, as one types: the last word is also a prefix.
const search = (teamId: string, role: Role, params: Params) => searchTeam(asMember(teamId, role), parseSearchFilters(params), { asYouType: true });
// As the search page searches, once submitted: whole words only.
const submitted = (teamId: string, role: Role, params: Params) => searchTeam(asMember(teamId, role), parseSearchFilters(params));

/** The ids of the notes found, in the order shown. */
const noteIds = async (teamId: string, params: Params, role: Role = "analyst") => (await search(teamId, role, params)).notes.map((hit) => hit.id);

function buildTitledNote(teamId: string, userId: string, title: string, body: string, options: { kind?: NoteKind; status?: NoteStatus } = {}) {
  return createNote({ teamId, userId, title, content: paragraphs(body), ...options });
}

const actor = (teamId: string, userId: string, name: string, aliases: string[] = []) =>
  createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name, aliases }) });
const event = (teamId: string, userId: string, name: string, dates: { startsOn?: string; endsOn?: string } = {}) =>
  createEntity(teamId, userId, { kind: "event", ...eventInput.parse({ name, ...dates }) });

/** Sets when a note was last edited, as if it had been edited then. */
const editedAt = (noteId: string, when: string) => db().update(notes).set({ updatedAt: new Date(when) }).where(eq(notes.id, noteId));

/** The words a snippet marks as matched. */
const marked = (snippet: string) => [...snippet.matchAll(new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, "gu"))].map((m) => m[1]);
/** A snippet as plain text, without its marks. */
const unmarked = (snippet: string) => snippet.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "");

/** A published edition of a note, as a reader reads it. */
async function buildEdition(
  note: { id: string; teamId: string },
  fields: { number?: number; title: string; text: string; visibility?: "team" | "public"; entities?: { id: string; kind: "actor" | "event"; name: string }[]; withdrawn?: boolean },
) {
  const [edition] = await db()
    .insert(editions)
    .values({
      noteId: note.id,
      teamId: note.teamId,
      number: fields.number ?? 1,
      title: fields.title,
      dateline: "9 October 2006",
      content: paragraphs(fields.text),
      text: fields.text,
      visibility: fields.visibility ?? "team",
      authors: [],
      entities: fields.entities ?? [],
      withdrawnAt: fields.withdrawn ? new Date() : null,
    })
    .returning();
  return edition;
}

/** A comment thread on the first words of a note, started by `authorId`. */
async function comment(note: { id: string; teamId: string }, authorId: string, body: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(note.id))!);
  const text = (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const encode = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
  const quote = text.toString().slice(0, 4);
  return createThread(note, authorId, { anchor: { start: encode(0), end: encode(quote.length) }, quote, body });
}

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

describe("filters", () => {
  async function teamWithMentions() {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran");
    const russia = await actor(team.id, owner.id, "Russia");
    const talks = await event(team.id, owner.id, "Vienna talks", { startsOn: "2006-10-09" });
    const build = (title: string, ...parts: (string | { id: string; label: string })[]) =>
      createNote({ teamId: team.id, userId: owner.id, title, content: mentionDoc(["Deal: ", ...parts, "."]) });
    return {
      team,
      owner,
      iran,
      russia,
      talks,
      iranOnly: await build("Iran alone", mention(iran)),
      both: await build("Both", mention(iran), " and ", mention(russia)),
      russiaAtTalks: await build("Russia at the talks", mention(russia), " at ", mention(talks)),
      neither: await build("Neither", "nobody"),
    };
  }
  const sorted = (ids: string[]) => [...ids].sort();

  it("finds notes mentioning an actor, or both of two actors", async () => {
    const { team, iran, russia, iranOnly, both, russiaAtTalks } = await teamWithMentions();
    expect(sorted(await noteIds(team.id, { actor: iran.id }))).toEqual(sorted([iranOnly.id, both.id]));
    expect(sorted(await noteIds(team.id, { actor: russia.id }))).toEqual(sorted([both.id, russiaAtTalks.id]));
    expect(await noteIds(team.id, { actor: [iran.id, russia.id] })).toEqual([both.id]);
    // With words too: both must hold.
    expect(sorted(await noteIds(team.id, { q: "deal", actor: iran.id }))).toEqual(sorted([iranOnly.id, both.id]));
    expect(await noteIds(team.id, { q: "talks", actor: iran.id })).toEqual([]);
  });

  it("finds notes mentioning an event", async () => {
    const { team, talks, russia, russiaAtTalks } = await teamWithMentions();
    expect(await noteIds(team.id, { event: talks.id })).toEqual([russiaAtTalks.id]);
    expect(await noteIds(team.id, { event: talks.id, actor: russia.id })).toEqual([russiaAtTalks.id]);
  });

  it("finds nothing in another team by this team's actor, and drops an id that is not one", async () => {
    const { team, iran, iranOnly, both } = await teamWithMentions();
    const { team: other, owner: otherOwner } = await buildTeam();
    const theirIran = await actor(other.id, otherOwner.id, "Iran");
    const theirs = await createNote({ teamId: other.id, userId: otherOwner.id, title: "Theirs", content: mentionDoc(["Deal: ", mention(theirIran), "."]) });

    expect(await noteIds(other.id, { actor: theirIran.id })).toEqual([theirs.id]);
    expect(await noteIds(other.id, { actor: iran.id })).toEqual([]);
    expect(await noteIds(team.id, { actor: theirIran.id })).toEqual([]);
    expect(sorted(await noteIds(team.id, { q: "Iran", actor: ["not-a-uuid", iran.id] }))).toEqual(sorted([iranOnly.id, both.id]));
  });

  it("finds notes with a tag, whatever its case", async () => {
    const { team, both, neither } = await teamWithMentions();
    await setNoteTags(team.id, both.id, ["Nuclear"]);
    await setNoteTags(team.id, neither.id, ["Trade"]);
    expect(await noteIds(team.id, { tag: "nuclear" })).toEqual([both.id]);
    expect(await noteIds(team.id, { tag: "Trade", q: "nobody" })).toEqual([neither.id]);
    expect(await noteIds(team.id, { tag: "Trade", q: "Iran" })).toEqual([]);
    expect(await noteIds(team.id, { tag: "missing" })).toEqual([]);
  });

  it("finds notes by status and by kind", async () => {
    const { team, owner } = await buildTeam();
    const draft = await buildTitledNote(team.id, owner.id, "Draft", "Enrichment resumed.");
    const inReview = await buildTitledNote(team.id, owner.id, "In review", "Enrichment resumed.", { status: "in_review" });
    const brief = await buildTitledNote(team.id, owner.id, "Brief", "Enrichment resumed.", { kind: "brief", status: "approved" });

    expect(await noteIds(team.id, { status: "in_review" })).toEqual([inReview.id]);
    expect(await noteIds(team.id, { status: "draft", q: "enrichment" })).toEqual([draft.id]);
    expect(await noteIds(team.id, { kind: "brief" })).toEqual([brief.id]);
    expect(sorted(await noteIds(team.id, { kind: "note", q: "enrichment" }))).toEqual(sorted([draft.id, inReview.id]));
    // A value the filter does not know is dropped, not sent to the database.
    expect(sorted(await noteIds(team.id, { q: "enrichment", status: "deleted", kind: "memo" }))).toEqual(sorted([draft.id, inReview.id, brief.id]));
  });

  it("finds notes an author created or contributed to", async () => {
    const { team, owner } = await buildTeam();
    const writer = await buildMember(team.id, "analyst");
    const contributor = await buildMember(team.id, "analyst");
    const bystander = await buildMember(team.id, "analyst");
    const written = await buildTitledNote(team.id, writer.id, "Written", "Enrichment resumed.");
    const contributed = await buildTitledNote(team.id, owner.id, "Contributed", "Enrichment resumed.");
    await db().insert(revisions).values({
      noteId: contributed.id,
      teamId: team.id,
      reason: "auto",
      title: contributed.title,
      content: contributed.content ?? { type: "doc" },
      text: contributed.text,
      ydoc: contributed.ydoc!,
      contributors: [contributor.id],
    });

    expect(await noteIds(team.id, { author: writer.id })).toEqual([written.id]);
    expect(await noteIds(team.id, { author: contributor.id })).toEqual([contributed.id]);
    expect(await noteIds(team.id, { author: contributor.id, q: "enrichment" })).toEqual([contributed.id]);
    expect(await noteIds(team.id, { author: bystander.id })).toEqual([]);
  });

  it("finds notes last edited within a date range, both ends included", async () => {
    const { team, owner } = await buildTeam();
    const january = await buildTitledNote(team.id, owner.id, "January", "Enrichment resumed.");
    const february = await buildTitledNote(team.id, owner.id, "February", "Enrichment resumed.");
    const march = await buildTitledNote(team.id, owner.id, "March", "Enrichment resumed.");
    await editedAt(january.id, "2024-01-10T12:00:00Z");
    await editedAt(february.id, "2024-02-15T12:00:00Z");
    await editedAt(march.id, "2024-03-20T12:00:00Z");

    expect(await noteIds(team.id, { editedFrom: "2024-02-01", editedTo: "2024-02-29" })).toEqual([february.id]);
    expect(await noteIds(team.id, { editedFrom: "2024-02-15", editedTo: "2024-02-15" })).toEqual([february.id]);
    expect(await noteIds(team.id, { editedFrom: "2024-02-16" })).toEqual([march.id]);
    expect(await noteIds(team.id, { editedTo: "2024-02-14" })).toEqual([january.id]);
    expect(await noteIds(team.id, { editedTo: "2024-02-15", q: "enrichment" })).toEqual([february.id, january.id]);
    // A month or a year runs to its end.
    expect(await noteIds(team.id, { editedFrom: "2024-02", editedTo: "2024-02" })).toEqual([february.id]);
    expect(await noteIds(team.id, { editedFrom: "2024", editedTo: "2024" })).toEqual([march.id, february.id, january.id]);
    expect(await noteIds(team.id, { editedTo: "2024-01" })).toEqual([january.id]);
    // A date that is not a date is dropped.
    expect(await noteIds(team.id, { editedFrom: "2024-02-30", editedTo: "soon" })).toEqual([]);
  });

  it("finds notes by the dates of the events they mention", async () => {
    const { team, owner } = await buildTeam();
    const test = await event(team.id, owner.id, "Nuclear test", { startsOn: "2006-10-09" });
    const invasion = await event(team.id, owner.id, "Invasion", { startsOn: "2003-03-20", endsOn: "2003-05-01" });
    const deal = await event(team.id, owner.id, "Deal", { startsOn: "2015-07-14" });
    const undated = await event(team.id, owner.id, "Some meeting");
    const iran = await actor(team.id, owner.id, "Iran");
    const build = (title: string, entity: { id: string; name: string }) =>
      createNote({ teamId: team.id, userId: owner.id, title, content: mentionDoc(["About ", mention(entity), "."]) });
    const aboutTest = await build("Test", test);
    const aboutInvasion = await build("Invasion", invasion);
    const aboutDeal = await build("Deal", deal);
    await build("Meeting", undated);
    await build("Iran", iran);

    expect(await noteIds(team.id, { eventsFrom: "2006-01-01", eventsTo: "2006-12-31" })).toEqual([aboutTest.id]);
    expect(await noteIds(team.id, { eventsFrom: "2006-10-09", eventsTo: "2006-10-09" })).toEqual([aboutTest.id]);
    // An event that runs over the range is in it.
    expect(await noteIds(team.id, { eventsFrom: "2003-04-01", eventsTo: "2003-04-30" })).toEqual([aboutInvasion.id]);
    expect(sorted(await noteIds(team.id, { eventsFrom: "2006-10-10" }))).toEqual([aboutDeal.id]);
    expect(sorted(await noteIds(team.id, { eventsTo: "2006-10-09" }))).toEqual(sorted([aboutTest.id, aboutInvasion.id]));
    expect(await noteIds(team.id, { eventsFrom: "2007-01-01", eventsTo: "2015-07-13" })).toEqual([]);
    // A month or a year runs to its end.
    expect(await noteIds(team.id, { eventsFrom: "2006", eventsTo: "2006" })).toEqual([aboutTest.id]);
    expect(await noteIds(team.id, { eventsFrom: "2006-10", eventsTo: "2006-10" })).toEqual([aboutTest.id]);
    expect(sorted(await noteIds(team.id, { eventsTo: "2015" }))).toEqual(sorted([aboutTest.id, aboutInvasion.id, aboutDeal.id]));
  });
});

describe("who finds what", () => {
  // A new comment is told to the note's open editors through the running collaboration server.
  useCollabServer();

  it("gives a reader published briefs only, never notes or comments", async () => {
    const { team, owner } = await buildTeam();
    const draft = await buildTitledNote(team.id, owner.id, "Bushehr draft", "The Bushehr reactor is not finished.");
    await comment(draft, owner.id, "Bushehr needs a source.");
    const published = await buildTitledNote(team.id, owner.id, "Bushehr brief", "Draft text about Bushehr.", { kind: "brief", status: "published" });
    await buildEdition(published, { number: 1, title: "Bushehr brief", text: "The first edition on Bushehr." });
    await buildEdition(published, { number: 2, title: "Bushehr brief", text: "The second edition on Bushehr.", visibility: "public" });
    const withdrawn = await buildTitledNote(team.id, owner.id, "Withdrawn", "Bushehr.", { kind: "brief" });
    await buildEdition(withdrawn, { title: "Withdrawn brief", text: "Bushehr, withdrawn.", withdrawn: true });

    const results = await search(team.id, "reader", { q: "Bushehr" });
    expect(results.notes).toEqual([]);
    expect(results.comments).toEqual([]);
    expect(results.briefs).toHaveLength(1);
    expect(results.briefs[0]).toMatchObject({ noteId: published.id, number: 2, title: "Bushehr brief", dateline: "9 October 2006" });
    expect(unmarked(results.briefs[0].snippet)).toContain("second edition on Bushehr");
    expect(marked(results.briefs[0].snippet)).toEqual(["Bushehr"]);

    // Words only in the draft (or an older edition) are not there for a reader.
    expect((await search(team.id, "reader", { q: "finished" })).briefs).toEqual([]);
    expect((await search(team.id, "reader", { q: "first edition" })).briefs).toEqual([]);
    // Filters do not open drafts to a reader either.
    expect((await search(team.id, "reader", { status: "draft" })).notes).toEqual([]);
  });

  it("finds a reader's briefs by the actors they name", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran");
    const about = await buildTitledNote(team.id, owner.id, "Iran brief", "Iran.", { kind: "brief" });
    await buildEdition(about, { title: "Iran brief", text: "Iran is at the table.", entities: [{ id: iran.id, kind: "actor", name: "Iran" }] });
    const other = await buildTitledNote(team.id, owner.id, "Other brief", "Other.", { kind: "brief" });
    await buildEdition(other, { title: "Other brief", text: "Nobody is at the table." });

    expect((await search(team.id, "reader", { actor: iran.id })).briefs.map((b) => b.noteId)).toEqual([about.id]);
    expect((await search(team.id, "reader", { q: "table", actor: iran.id })).briefs.map((b) => b.noteId)).toEqual([about.id]);
    expect((await search(team.id, "reader", { q: "table" })).briefs).toHaveLength(2);
  });

  it("gives those who read drafts notes and comments, and no briefs", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await buildTitledNote(team.id, owner.id, "Reactor", "Bushehr is safe.");
    const thread = await comment(note, reviewer.id, "Which unit at Bushehr?");
    await buildEdition(note, { title: "Reactor", text: "Bushehr is safe." });

    for (const role of ["owner", "analyst", "reviewer"] as const) {
      const results = await search(team.id, role, { q: "Bushehr" });
      expect(results.notes.map((hit) => hit.id)).toEqual([note.id]);
      expect(results.briefs).toEqual([]);
      expect(results.comments).toHaveLength(1);
      expect(results.comments[0]).toMatchObject({ noteId: note.id, noteTitle: "Reactor", threadId: thread.id });
    }
    // A comment's own words find it, not only the note's.
    expect((await search(team.id, "reviewer", { q: "unit" })).comments.map((hit) => hit.threadId)).toEqual([thread.id]);
    expect((await search(team.id, "reviewer", { q: "unit" })).notes).toEqual([]);
  });

  it("never shows another team's notes, comments, briefs or entities", async () => {
    const { team, owner } = await buildTeam();
    const { team: other, owner: otherOwner } = await buildTeam();
    const ours = await buildTitledNote(team.id, owner.id, "Ours", "Bushehr, our view.");
    const theirs = await buildTitledNote(other.id, otherOwner.id, "Theirs", "Bushehr, their view.", { kind: "brief" });
    await comment(theirs, otherOwner.id, "Their comment on Bushehr.");
    await buildEdition(theirs, { title: "Their brief", text: "Bushehr, published by them." });
    await actor(other.id, otherOwner.id, "Bushehr plant");

    const results = await search(team.id, "owner", { q: "Bushehr" });
    expect(results.notes.map((hit) => hit.id)).toEqual([ours.id]);
    expect(results.comments).toEqual([]);
    expect(results.entities).toEqual([]);
    expect((await search(team.id, "reader", { q: "Bushehr" })).briefs).toEqual([]);
    // Filters alone do not reach across either.
    expect(await noteIds(team.id, { kind: "brief" })).toEqual([]);
    expect(await noteIds(team.id, { author: otherOwner.id })).toEqual([]);
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
