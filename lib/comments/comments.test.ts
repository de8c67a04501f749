import { randomBytes } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { commentThreads, notifications, type Note } from "@/db/schema";
import { loadNoteState } from "@/lib/collab/note-state";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { getTeamNote } from "@/lib/notes/queries";
import { addMember, changeRole } from "@/lib/teams/queries";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, buildUser, paragraphs } from "@/lib/testing/factories";
import { anchorResolves, fromBase64, type Anchor } from "./anchors";
import { MAX_COMMENT_LENGTH } from "./limits";
import { mentionedMembers } from "./mentions";
import { createThread, deleteComment, editComment, listThreads, reply, setResolved, type ThreadView } from "./queries";
import { commentBody } from "./validation";

useTestDatabase();
// Comments are told to the note's open editors through the running collaboration server.
const collab = useCollabServer();

const OPENING = "Iran says the Bushehr reactor is safe.";

async function teamWithNote() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(team.id, analyst.id, paragraphs(OPENING, "Talks resume in Vienna."));
  return { team, owner, analyst, reviewer, note };
}

/** The text of the body's n-th paragraph, where the editor's positions live. */
const paragraphText = (doc: Y.Doc, n: number) => (doc.getXmlFragment(BODY_FIELD).get(n) as Y.XmlElement).get(0) as Y.XmlText;

/** An anchor over `words` in a paragraph, made as the editor makes one. */
function anchorOver(text: Y.XmlText, words: string): Anchor {
  const from = text.toString().indexOf(words);
  expect(from).toBeGreaterThanOrEqual(0);
  const encode = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
  return { start: encode(from), end: encode(from + words.length) };
}

/** The note's Yjs document as the server has it (stored state and update log). */
async function storedDoc(noteId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  return doc;
}

/** An anchor over `words` in the first paragraph of the note as stored. */
const storedAnchor = async (noteId: string, words = "Bushehr reactor") => anchorOver(paragraphText(await storedDoc(noteId), 0), words);

/** A thread's anchor as the browser receives it (base64), decoded again. */
const anchorOf = (thread: ThreadView): Anchor => ({ start: fromBase64(thread.anchorStart)!, end: fromBase64(thread.anchorEnd)! });

/** The words a thread covers in a document now ("" once they are all deleted). */
function passage(doc: Y.Doc, thread: ThreadView): string {
  const { start, end } = anchorOf(thread);
  const [from, to] = [start, end].map((encoded) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(encoded), doc));
  expect(from).not.toBeNull();
  expect(to?.type).toBe(from!.type);
  return (from!.type as Y.XmlText).toString().slice(from!.index, to!.index);
}

async function startThread(note: Note, authorId: string, body = "Which unit?") {
  return createThread(note, authorId, { anchor: await storedAnchor(note.id), quote: "Bushehr reactor", body });
}

const threadRows = (noteId: string) => db().select().from(commentThreads).where(eq(commentThreads.noteId, noteId));

describe("comment anchors", () => {
  it("follow their words as others edit, and the thread keeps its quote when the words are deleted", async () => {
    const { team, analyst, reviewer, note } = await teamWithNote();
    // A reviewer (read-only) comments while the analyst writes.
    const commenter = await collab().connect(note.id, reviewer.id);
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(commenter.provider.isSynced && writer.provider.isSynced).toBe(true));

    await createThread(note, reviewer.id, {
      anchor: anchorOver(paragraphText(commenter.doc, 0), "Bushehr reactor"),
      quote: "Bushehr reactor",
      body: "Which unit?",
    });
    const [thread] = await listThreads(team.id, note.id);
    expect(passage(commenter.doc, thread)).toBe("Bushehr reactor");

    const text = paragraphText(writer.doc, 0);
    text.insert(0, "Officially, ");
    await eventually(() => expect(paragraphText(commenter.doc, 0).toString()).toBe(`Officially, ${OPENING}`));
    expect(passage(commenter.doc, thread)).toBe("Bushehr reactor");

    text.insert(text.toString().indexOf("reactor"), "nuclear ");
    await eventually(() => expect(passage(commenter.doc, thread)).toBe("Bushehr nuclear reactor"));
    expect(passage(writer.doc, thread)).toBe("Bushehr nuclear reactor");
    // The server, reading what is stored, still finds the passage in the body.
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
    expect(anchorResolves((await loadNoteState(note.id))!, anchorOf(thread))).toBe(true);

    const from = text.toString().indexOf("Bushehr nuclear reactor");
    text.delete(from, "Bushehr nuclear reactor".length);
    await eventually(() => expect(paragraphText(commenter.doc, 0).toString()).toBe("Officially, Iran says the  is safe."));
    // Nothing is left to highlight (the browser shows the thread as detached)...
    expect(passage(commenter.doc, thread)).toBe("");
    // ...but the server keeps the thread, with the words as they were commented on.
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
    const [kept] = await listThreads(team.id, note.id);
    expect(kept).toMatchObject({ id: thread.id, quote: "Bushehr reactor", resolved: false });
    expect(kept.comments.map((c) => c.body)).toEqual(["Which unit?"]);
  });

  it("refuse a new thread on a passage whose paragraph someone deleted in the meantime", async () => {
    const { team, analyst, reviewer, note } = await teamWithNote();
    const commenter = await collab().connect(note.id, reviewer.id);
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(commenter.provider.isSynced && writer.provider.isSynced).toBe(true));
    const anchor = anchorOver(paragraphText(commenter.doc, 0), "Bushehr reactor");

    writer.doc.getXmlFragment(BODY_FIELD).delete(0, 1);
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));

    await expect(createThread(note, reviewer.id, { anchor, quote: "Bushehr reactor", body: "Which unit?" })).rejects.toMatchObject({
      code: "bad_request",
      message: "That passage is not in the note any more; select it again.",
    });
    expect(await listThreads(team.id, note.id)).toEqual([]);
  });
});

describe("anchorResolves", () => {
  it("accepts a passage of the note and refuses bytes that are not one, or a position in another document", async () => {
    const { team, analyst, note } = await teamWithNote();
    const state = (await loadNoteState(note.id))!;
    const real = await storedAnchor(note.id);
    expect(anchorResolves(state, real)).toBe(true);

    expect(anchorResolves(state, { start: randomBytes(24), end: randomBytes(24) })).toBe(false);
    expect(anchorResolves(state, { start: new TextEncoder().encode("not a position"), end: real.end })).toBe(false);
    expect(anchorResolves(state, { start: new Uint8Array(), end: new Uint8Array() })).toBe(false);

    // The same words in another note: a different Yjs document.
    const twin = await buildNote(team.id, analyst.id, paragraphs(OPENING, "Talks resume in Vienna."));
    const foreign = await storedAnchor(twin.id);
    expect(anchorResolves(state, foreign)).toBe(false);
    expect(anchorResolves(state, { start: real.start, end: foreign.end })).toBe(false);

    // A position in the note's own document, but outside its body.
    const doc = await storedDoc(note.id);
    const aside = doc.getText("aside");
    aside.insert(0, "Not part of the body.");
    const outside = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(aside, 4));
    expect(anchorResolves(Y.encodeStateAsUpdate(doc), { start: outside, end: outside })).toBe(false);
    expect(anchorResolves(Y.encodeStateAsUpdate(doc), real)).toBe(true);
  });
});

describe("threads and comments", () => {
  it("refuses a thread whose passage does not resolve, and stores nothing", async () => {
    const { team, analyst, reviewer, note } = await teamWithNote();
    const twin = await buildNote(team.id, analyst.id, paragraphs(OPENING));
    const error = createThread(note, reviewer.id, { anchor: await storedAnchor(twin.id), quote: "Bushehr reactor", body: "Which unit?" });
    await expect(error).rejects.toMatchObject({ code: "bad_request", message: "That passage is not in the note any more; select it again." });
    expect(await threadRows(note.id)).toEqual([]);
    expect(await db().select().from(notifications).where(eq(notifications.noteId, note.id))).toEqual([]);
  });

  it("lets members reply and resolve, and only the author edit or delete a comment", async () => {
    const { team, analyst, reviewer, note } = await teamWithNote();
    const thread = await startThread(note, reviewer.id, "Source?");
    await reply(team.id, note.id, thread.id, analyst.id, "IAEA statement, 3 May.");
    await setResolved(team.id, note.id, thread.id, analyst.id, true);

    let [view] = await listThreads(team.id, note.id);
    expect(view).toMatchObject({ quote: "Bushehr reactor", resolved: true, resolvedByName: analyst.name });
    expect(view.comments.map((c) => [c.authorName, c.body, c.edited])).toEqual([
      [reviewer.name, "Source?", false],
      [analyst.name, "IAEA statement, 3 May.", false],
    ]);
    await setResolved(team.id, note.id, thread.id, reviewer.id, false);
    [view] = await listThreads(team.id, note.id);
    expect(view).toMatchObject({ resolved: false, resolvedByName: null });

    const [question, answer] = view.comments;
    const notYours = { code: "forbidden", message: "You can only change your own comments." };
    await expect(editComment(team.id, note.id, question.id, analyst.id, "Rewritten by someone else")).rejects.toMatchObject(notYours);
    await expect(deleteComment(team.id, note.id, question.id, analyst.id)).rejects.toMatchObject(notYours);
    await expect(editComment(team.id, note.id, answer.id, reviewer.id, "Rewritten by someone else")).rejects.toMatchObject(notYours);

    await editComment(team.id, note.id, question.id, reviewer.id, "Source, please?");
    [view] = await listThreads(team.id, note.id);
    expect(view.comments.map((c) => [c.body, c.edited])).toEqual([
      ["Source, please?", true],
      ["IAEA statement, 3 May.", false],
    ]);
  });

  it("tells the note's open editors of every change to its comments", async () => {
    const { team, analyst, reviewer, note } = await teamWithNote();
    const editor = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(editor.provider.isSynced).toBe(true));
    const told = async (count: number) => eventually(() => expect(editor.events.stateless).toEqual(Array(count).fill("comments")));

    const thread = await startThread(note, reviewer.id, "Source?");
    await told(1);
    await reply(team.id, note.id, thread.id, analyst.id, "IAEA statement, 3 May.");
    await told(2);
    await setResolved(team.id, note.id, thread.id, analyst.id, true);
    await told(3);
    const [question] = (await listThreads(team.id, note.id))[0].comments;
    await editComment(team.id, note.id, question.id, reviewer.id, "Source, please?");
    await told(4);
    await deleteComment(team.id, note.id, question.id, reviewer.id);
    await told(5);

    // A refused change is not told.
    await expect(editComment(team.id, note.id, question.id, reviewer.id, "Gone")).rejects.toMatchObject({ code: "not_found" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editor.events.stateless).toHaveLength(5);
  });

  it("keeps a thread while it has a comment, and removes it with its last one", async () => {
    const { team, analyst, reviewer, note } = await teamWithNote();
    const thread = await startThread(note, reviewer.id, "Source?");
    await reply(team.id, note.id, thread.id, analyst.id, "IAEA statement, 3 May.");
    const [question, answer] = (await listThreads(team.id, note.id))[0].comments;

    await deleteComment(team.id, note.id, question.id, reviewer.id);
    const [view] = await listThreads(team.id, note.id);
    expect(view.id).toBe(thread.id);
    expect(view.comments.map((c) => c.body)).toEqual(["IAEA statement, 3 May."]);

    await deleteComment(team.id, note.id, answer.id, analyst.id);
    expect(await listThreads(team.id, note.id)).toEqual([]);
    expect(await threadRows(note.id)).toEqual([]);
  });

  it("answers not found for another team's note, thread or comment, even to the comment's author", async () => {
    const { team, reviewer, note } = await teamWithNote();
    const thread = await startThread(note, reviewer.id, "Source?");
    const [comment] = (await listThreads(team.id, note.id))[0].comments;
    // The author is also a member of another team, and calls with that team and one of its notes.
    const other = await buildTeam();
    await addMember(other.team.id, reviewer.id, "analyst");
    const otherNote = await buildNote(other.team.id, other.owner.id);

    await expect(getTeamNote(other.team.id, note.id)).rejects.toMatchObject({ code: "not_found", message: "That note was not found." });
    expect(await listThreads(other.team.id, note.id)).toEqual([]);
    const noThread = { code: "not_found", message: "That comment thread was not found." };
    const noComment = { code: "not_found", message: "That comment was not found." };
    for (const noteId of [note.id, otherNote.id]) {
      await expect(reply(other.team.id, noteId, thread.id, reviewer.id, "From elsewhere")).rejects.toMatchObject(noThread);
      await expect(setResolved(other.team.id, noteId, thread.id, reviewer.id, true)).rejects.toMatchObject(noThread);
      await expect(editComment(other.team.id, noteId, comment.id, reviewer.id, "From elsewhere")).rejects.toMatchObject(noComment);
      await expect(deleteComment(other.team.id, noteId, comment.id, reviewer.id)).rejects.toMatchObject(noComment);
    }
    // A thread of one note is not found through another note of the same team.
    const sibling = await buildNote(team.id, reviewer.id);
    await expect(reply(team.id, sibling.id, thread.id, reviewer.id, "Wrong note")).rejects.toMatchObject(noThread);
    await expect(deleteComment(team.id, sibling.id, comment.id, reviewer.id)).rejects.toMatchObject(noComment);

    const [view] = await listThreads(team.id, note.id);
    expect(view.resolved).toBe(false);
    expect(view.comments.map((c) => [c.id, c.body])).toEqual([[comment.id, "Source?"]]);
  });
});

describe("@-mentions", () => {
  const ann = { id: "ann", name: "Ann" };
  const annLee = { id: "ann-lee", name: "Ann Lee" };
  const members = [ann, annLee];

  it("read the longest full name, in any case, and never a name inside a longer word", () => {
    expect(mentionedMembers("@Ann Lee, can you check?", members)).toEqual(["ann-lee"]);
    expect(mentionedMembers("@Ann, can you check?", members)).toEqual(["ann"]);
    expect(mentionedMembers("over to @ann lee and @ANN.", members).sort()).toEqual(["ann", "ann-lee"]);
    expect(mentionedMembers("Thanks @Ann", members)).toEqual(["ann"]);
    expect(mentionedMembers("@Annabel wrote this.", members)).toEqual([]);
    expect(mentionedMembers("Ann Lee wrote this, without an @.", members)).toEqual([]);
    expect(mentionedMembers("@Annabel wrote this; @Ann, please check.", members)).toEqual(["ann"]);
  });

  it("notify the members a thread or reply names, but not its author, a reader or another team's namesake", async () => {
    const { team, note } = await teamWithNote();
    const named = async (teamId: string, name: string, role: "analyst" | "reviewer" | "reader") => {
      const user = await buildUser({ name });
      await addMember(teamId, user.id, role);
      return user;
    };
    const annLee = await named(team.id, "Ann Lee", "analyst");
    const rita = await named(team.id, "Rita Vale", "reviewer");
    const rex = await named(team.id, "Rex Read", "reader");
    const elsewhere = await buildTeam();
    const namesake = await named(elsewhere.team.id, "Ann Lee", "analyst");

    const body = "@Ann Lee please source this; @Rex Read FYI; @Rita Vale will check again.";
    const thread = await createThread(note, rita.id, { anchor: await storedAnchor(note.id), quote: "Bushehr reactor", body });
    const sent = () =>
      db()
        .select({ userId: notifications.userId, kind: notifications.kind, threadId: notifications.threadId, actorId: notifications.actorId, excerpt: notifications.excerpt })
        .from(notifications)
        .where(eq(notifications.noteId, note.id))
        .orderBy(asc(notifications.createdAt));
    const toAnn = { userId: annLee.id, kind: "mentioned", threadId: thread.id, actorId: rita.id, excerpt: body };
    expect(await sent()).toEqual([toAnn]);

    await reply(team.id, note.id, thread.id, annLee.id, "Done, @rita vale.");
    const toRita = { userId: rita.id, kind: "mentioned", threadId: thread.id, actorId: annLee.id, excerpt: "Done, @rita vale." };
    expect(await sent()).toEqual([toAnn, toRita]);
    // Neither the reader nor the other team's Ann Lee hears of it.
    expect(await db().select().from(notifications).where(inArray(notifications.userId, [rex.id, namesake.id]))).toEqual([]);
  });
});

describe("replies", () => {
  /** Notifications of one transaction share its time: compared without their order. */
  const sortedBy = <T extends { userId: string; kind: string }>(rows: T[]) => [...rows].sort((a, b) => `${a.userId}${a.kind}`.localeCompare(`${b.userId}${b.kind}`));
  /** Who has been told what about the note's comments so far, in order. */
  const told = (noteId: string) =>
    db()
      .select({ userId: notifications.userId, kind: notifications.kind, actorId: notifications.actorId, excerpt: notifications.excerpt })
      .from(notifications)
      .where(eq(notifications.noteId, noteId))
      .orderBy(asc(notifications.createdAt));

  it("notify everyone who wrote in the thread before, once each (named or not), never the replier or one who no longer reads drafts", async () => {
    const { team, owner, analyst, reviewer, note } = await teamWithNote();
    const colleague = await buildMember(team.id, "analyst");
    const demoted = await buildMember(team.id, "reviewer");
    const bystander = await buildMember(team.id, "analyst");
    const thread = await startThread(note, analyst.id, "Which unit?");
    // A new thread has no one to reply to.
    expect(await told(note.id)).toEqual([]);

    await reply(team.id, note.id, thread.id, reviewer.id, "Unit 1, per the IAEA.");
    await reply(team.id, note.id, thread.id, demoted.id, "I can check the report.");
    const first = [
      { userId: analyst.id, kind: "replied", actorId: reviewer.id, excerpt: "Unit 1, per the IAEA." },
      { userId: analyst.id, kind: "replied", actorId: demoted.id, excerpt: "I can check the report." },
      { userId: reviewer.id, kind: "replied", actorId: demoted.id, excerpt: "I can check the report." },
    ];
    expect(sortedBy(await told(note.id))).toEqual(sortedBy(first));

    // The reviewer is named and wrote before: one notification, the mention.
    await changeRole(team.id, demoted.id, "reader", owner.id);
    const named = `@${reviewer.name}, which report?`;
    await reply(team.id, note.id, thread.id, colleague.id, named);
    const second = [
      { userId: reviewer.id, kind: "mentioned", actorId: colleague.id, excerpt: named },
      { userId: analyst.id, kind: "replied", actorId: colleague.id, excerpt: named },
    ];
    expect(sortedBy((await told(note.id)).slice(first.length))).toEqual(sortedBy(second));

    // The one who started the thread replies: the others hear of it, they do not.
    await reply(team.id, note.id, thread.id, analyst.id, "Thanks both.");
    const third = [reviewer, colleague].map((user) => ({ userId: user.id, kind: "replied", actorId: analyst.id, excerpt: "Thanks both." }));
    const sent = await told(note.id);
    expect(sortedBy(sent.slice(first.length + second.length))).toEqual(sortedBy(third));
    // Never the one who became a reader, nor a member who never wrote in the thread.
    expect(sent.filter((row) => row.userId === demoted.id || row.userId === bystander.id)).toEqual([]);
  });
});

describe("comment bodies", () => {
  const refusal = (input: string) => commentBody.safeParse(input).error?.issues[0].message;

  it("refuse an empty comment and one over the limit, with a sentence saying so", () => {
    expect(refusal("")).toBe("Write something first.");
    expect(refusal(" \n\t  ")).toBe("Write something first.");
    expect(refusal("x".repeat(100 * 1024))).toBe("A comment can be at most 10,000 characters.");
    expect(refusal("x".repeat(MAX_COMMENT_LENGTH + 1))).toBe("A comment can be at most 10,000 characters.");
    expect(commentBody.parse("x".repeat(MAX_COMMENT_LENGTH))).toHaveLength(MAX_COMMENT_LENGTH);
    expect(commentBody.parse("  Looks right.\n")).toBe("Looks right.");
  });

  it("are stored as the text written, markup included", async () => {
    const { team, reviewer, note } = await teamWithNote();
    const body = commentBody.parse(`<script>alert("hi")</script> & <b>not bold</b>`);
    await startThread(note, reviewer.id, body);
    const [view] = await listThreads(team.id, note.id);
    expect(view.comments[0].body).toBe(`<script>alert("hi")</script> & <b>not bold</b>`);
  });
});
