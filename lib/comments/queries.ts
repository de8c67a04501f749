import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { comments, commentThreads, memberships, suggestions, users, type CommentThread, type SuggestionStatus } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { loadNoteState } from "@/lib/collab/note-state";
import { tellEditors } from "@/lib/collab/registry";
import { runCommand, type CommandContext } from "@/lib/commands/command";
import { badRequest, notFound } from "@/lib/errors";
import { findNoteHead } from "@/lib/notes/queries";
import { authorize, can } from "@/lib/policies";
import { suggestionsIn } from "@/lib/editor/suggestions/read";
import { actorInTeam } from "@/lib/teams/queries";
import { anchorResolves, toBase64, type Anchor } from "./anchors";
import { mentionedMembers } from "./mentions";

export interface ThreadView {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  resolved: boolean;
  resolvedByName: string | null;
  /** A reply thread on a suggestion: its id in the body, and what became of it as recorded. */
  suggestionId: string | null;
  suggestionStatus: SuggestionStatus | null;
  createdAt: Date;
  comments: { id: string; authorId: string | null; authorName: string; body: string; createdAt: Date; edited: boolean }[];
}

/** A note's threads with their comments, oldest first. */
export async function listThreads(teamId: string, noteId: string): Promise<ThreadView[]> {
  const threads = await db()
    .select({ thread: commentThreads, resolvedByName: users.name, suggestionStatus: suggestions.status })
    .from(commentThreads)
    .leftJoin(users, eq(users.id, commentThreads.resolvedBy))
    .leftJoin(suggestions, and(eq(suggestions.noteId, commentThreads.noteId), eq(suggestions.suggestionId, commentThreads.suggestionId)))
    .where(and(eq(commentThreads.teamId, teamId), eq(commentThreads.noteId, noteId)))
    .orderBy(asc(commentThreads.createdAt));
  if (threads.length === 0) return [];
  const rows = await db()
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(inArray(comments.threadId, threads.map((t) => t.thread.id)))
    .orderBy(asc(comments.createdAt));
  return threads.map(({ thread, resolvedByName, suggestionStatus }) => ({
    id: thread.id,
    anchorStart: toBase64(thread.anchorStart),
    anchorEnd: toBase64(thread.anchorEnd),
    quote: thread.quote,
    resolved: thread.resolvedAt !== null,
    resolvedByName,
    suggestionId: thread.suggestionId,
    suggestionStatus,
    createdAt: thread.createdAt,
    comments: rows
      .filter((row) => row.comment.threadId === thread.id)
      .map(({ comment, authorName }) => ({
        id: comment.id,
        authorId: comment.authorId,
        authorName: authorName ?? "Former member",
        body: comment.body,
        createdAt: comment.createdAt,
        edited: comment.editedAt !== null,
      })),
  }));
}

/**
 * Notifies, in the comment's transaction, the members who may read the note
 * it is on: those the comment names ("mentioned"), and those who wrote in the
 * thread before ("replied"), each once, never its author. Tells the note's
 * open editors after it commits.
 */
async function commentWritten({ tx, notify, afterCommit }: CommandContext, teamId: string, noteId: string, threadId: string, authorId: string, body: string) {
  const rows = await tx
    .select({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId));
  const note = await findNoteHead(noteId, tx);
  const members = note ? rows.filter((row) => can({ userId: row.id, teamId, role: row.role }, "note.read", note)) : [];
  const mentioned = mentionedMembers(body, members).filter((id) => id !== authorId);
  // Everyone who wrote in the thread (on a new thread, only its author), heard of once: a mention says more.
  const wrote = await tx.selectDistinct({ id: comments.authorId }).from(comments).where(eq(comments.threadId, threadId));
  const replied = wrote.flatMap(({ id }) => (id && id !== authorId && !mentioned.includes(id) && members.some((member) => member.id === id) ? [id] : []));
  const notice = (kind: "mentioned" | "replied") => (userId: string) => ({ userId, teamId, kind, noteId, threadId, actorId: authorId, excerpt: body.slice(0, 200) });
  await notify([...mentioned.map(notice("mentioned")), ...replied.map(notice("replied"))]);
  afterCommit(() => commentsChanged(noteId));
}

/** After a change to a note's comments: its open editors, on any process, reload the threads. */
const commentsChanged = (noteId: string) => tellEditors(noteId, "comments");

/** Starts a thread on a passage. The anchor must point into the note as it is now. */
export async function createThread(
  note: { id: string; teamId: string },
  authorId: string,
  input: { anchor: Anchor; quote: string; body: string; suggestionId?: string },
): Promise<CommentThread> {
  const state = await loadNoteState(note.id);
  if (!state || !anchorResolves(state, input.anchor)) throw badRequest("That passage is not in the note any more; select it again.");
  if (input.suggestionId && !suggestionsIn((await currentBody(note.id)).content).some((found) => found.id === input.suggestionId))
    throw badRequest("That suggestion is not in the note any more.");
  return runCommand(async (command) => {
    const [created] = await command.tx
      .insert(commentThreads)
      .values({
        noteId: note.id,
        teamId: note.teamId,
        anchorStart: input.anchor.start,
        anchorEnd: input.anchor.end,
        quote: input.quote,
        suggestionId: input.suggestionId ?? null,
        createdBy: authorId,
      })
      .returning();
    await command.tx.insert(comments).values({ threadId: created.id, authorId, body: input.body });
    await commentWritten(command, note.teamId, note.id, created.id, authorId, input.body);
    return created;
  });
}

async function threadOf(teamId: string, noteId: string, threadId: string): Promise<CommentThread> {
  const [thread] = await db()
    .select()
    .from(commentThreads)
    .where(and(eq(commentThreads.id, threadId), eq(commentThreads.noteId, noteId), eq(commentThreads.teamId, teamId)));
  if (!thread) throw notFound("That comment thread");
  return thread;
}

export async function reply(teamId: string, noteId: string, threadId: string, authorId: string, body: string) {
  await threadOf(teamId, noteId, threadId);
  await runCommand(async (command) => {
    await command.tx.insert(comments).values({ threadId, authorId, body });
    await command.tx.update(commentThreads).set({ updatedAt: new Date() }).where(eq(commentThreads.id, threadId));
    await commentWritten(command, teamId, noteId, threadId, authorId, body);
  });
}

export async function setResolved(teamId: string, noteId: string, threadId: string, userId: string, resolved: boolean) {
  await threadOf(teamId, noteId, threadId);
  await runCommand(async ({ tx, afterCommit }) => {
    await tx
      .update(commentThreads)
      .set(resolved ? { resolvedBy: userId, resolvedAt: new Date(), updatedAt: new Date() } : { resolvedBy: null, resolvedAt: null, updatedAt: new Date() })
      .where(eq(commentThreads.id, threadId));
    afterCommit(() => commentsChanged(noteId));
  });
}

/** A comment of this note, by this author: one may edit or delete only one's own. */
async function ownComment(teamId: string, noteId: string, commentId: string, userId: string) {
  const [row] = await db()
    .select({ comment: comments })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(comments.id, commentId), eq(commentThreads.noteId, noteId), eq(commentThreads.teamId, teamId)));
  if (!row) throw notFound("That comment");
  authorize(await actorInTeam(userId, teamId), "comment.edit", { teamId, authorId: row.comment.authorId });
  return row.comment;
}

export async function editComment(teamId: string, noteId: string, commentId: string, userId: string, body: string) {
  await ownComment(teamId, noteId, commentId, userId);
  await runCommand(async ({ tx, afterCommit }) => {
    await tx.update(comments).set({ body, editedAt: new Date(), updatedAt: new Date() }).where(eq(comments.id, commentId));
    afterCommit(() => commentsChanged(noteId));
  });
}

/** Deletes one's own comment; a thread left without comments goes with it. */
export async function deleteComment(teamId: string, noteId: string, commentId: string, userId: string) {
  const comment = await ownComment(teamId, noteId, commentId, userId);
  await runCommand(async ({ tx, afterCommit }) => {
    await tx.delete(comments).where(eq(comments.id, commentId));
    const [left] = await tx.select({ n: sql<number>`count(*)::int` }).from(comments).where(eq(comments.threadId, comment.threadId));
    if (left.n === 0) await tx.delete(commentThreads).where(eq(commentThreads.id, comment.threadId));
    afterCommit(() => commentsChanged(noteId));
  });
}
