import { describe, expect, it } from "vitest";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, mention, mentionDoc } from "@/lib/testing/factories";
import { createNote } from "@/lib/notes/queries";
import { setNoteTags } from "@/lib/tags/queries";
import { db } from "@/db";
import { revisions } from "@/db/schema";
import { actor, buildEdition, buildTitledNote, comment, editedAt, event, marked, noteIds, search, unmarked } from "./search-fixtures";

useTestDatabase();

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

  it("gives, with filters, only the comments on the notes the filters leave in", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran");
    const onIran = await createNote({ teamId: team.id, userId: owner.id, title: "On Iran", content: mentionDoc(["Deal: ", mention(iran), "."]) });
    const elsewhere = await buildTitledNote(team.id, owner.id, "Elsewhere", "No actor named here.");
    const kept = await comment(onIran, owner.id, "Check the enrichment figure.");
    const left = await comment(elsewhere, owner.id, "Check the enrichment claim.");
    const threads = async (params: Parameters<typeof search>[2]) => (await search(team.id, "analyst", params)).comments.map((hit) => hit.threadId).sort();

    expect(await threads({ q: "enrichment" })).toEqual([kept.id, left.id].sort());
    expect(await threads({ q: "enrichment", actor: iran.id })).toEqual([kept.id]);
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
