import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { notes, users, type Note, type NoteKind, type NoteStatus } from "@/db/schema";
import { closeNote } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import type { DocNode } from "@/lib/editor/document";
import { syncNoteEntities } from "@/lib/entities/note-links";
import { syncNoteCitations } from "@/lib/sources/note-citations";
import { syncNoteJudgments } from "@/lib/judgments/note-judgments";
import { highestPortionMark } from "@/lib/editor/portion-marks";
import { teamTradecraft } from "@/lib/teams/tradecraft";
import { highestMarking, type TlpLevel } from "@/lib/tradecraft/tlp";
import { noteBodyFromContent, type NoteBody } from "./body";
import { notFound } from "@/lib/errors";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { noteData } from "@/lib/webhooks/event-data";

const editor = alias(users, "editor");

interface NoteListItem {
  id: string;
  title: string;
  kind: NoteKind;
  status: Note["status"];
  updatedAt: Date;
  updatedByName: string | null;
}

export async function listNotes(teamId: string, tx: Executor = db()): Promise<NoteListItem[]> {
  return tx
    .select({
      id: notes.id,
      title: notes.title,
      kind: notes.kind,
      status: notes.status,
      updatedAt: notes.updatedAt,
      updatedByName: editor.name,
    })
    .from(notes)
    .leftJoin(editor, eq(editor.id, notes.updatedBy))
    .where(eq(notes.teamId, teamId))
    .orderBy(desc(notes.updatedAt));
}

/**
 * One page of the team's notes, newest first by creation (then id), after the
 * last (created, id) of the page before. The key is the timestamp as the
 * database writes it, to the microsecond, so no note falls between pages.
 */
export async function notePage(teamId: string, options: { after?: readonly [string, string]; limit: number }) {
  const sortKey = sql<string>`${notes.createdAt}::text`;
  return db()
    .select({ id: notes.id, title: notes.title, kind: notes.kind, status: notes.status, marking: notes.marking, createdAt: notes.createdAt, updatedAt: notes.updatedAt, sortKey })
    .from(notes)
    .where(and(eq(notes.teamId, teamId), options.after ? sql`(${notes.createdAt}, ${notes.id}) < (${options.after[0]}::timestamptz, ${options.after[1]}::uuid)` : undefined))
    .orderBy(desc(notes.createdAt), desc(notes.id))
    .limit(options.limit);
}

/** The note if it belongs to the team; a note of another team is "not found", never "forbidden". */
export async function getTeamNote(teamId: string, noteId: string, tx: Executor = db()): Promise<Note> {
  const [note] = await tx
    .select()
    .from(notes)
    .where(and(eq(notes.id, noteId), eq(notes.teamId, teamId)));
  if (!note) throw notFound("That note");
  return note;
}

/** A note's team and status, without its body: what an access check needs. */
export async function findNoteHead(noteId: string, tx: Executor = db()): Promise<Pick<Note, "id" | "teamId" | "status"> | undefined> {
  const [note] = await tx.select({ id: notes.id, teamId: notes.teamId, status: notes.status }).from(notes).where(eq(notes.id, noteId));
  return note;
}

export async function findNote(noteId: string, tx: Executor = db()): Promise<Note | undefined> {
  const [note] = await tx.select().from(notes).where(eq(notes.id, noteId));
  return note;
}

/**
 * Creates a note. An initial body is made into a Yjs document here, on the
 * server: clients never seed a collaborative document. The team's webhooks
 * subscribed to note.created hear of it, in the same transaction.
 */
export async function createNote(
  // `body` is a body already built elsewhere (the Markdown import builds it off the main thread).
  input: {
    teamId: string;
    userId: string;
    title: string;
    kind?: NoteKind;
    status?: NoteStatus;
    content?: DocNode;
    body?: NoteBody;
    /** The day the note speaks of (an imported post's date), YYYY-MM-DD. */
    dateline?: string;
    /** A marking it already carries (an imported export's banner): it keeps it, or the team's if that is higher. */
    marking?: TlpLevel;
  },
  tx: Executor = db(),
): Promise<Note> {
  const body = input.body ?? (input.content ? noteBodyFromContent(input.content) : undefined);
  const { defaultMarking } = await teamTradecraft(input.teamId, tx);
  const [note] = await tx
    .insert(notes)
    .values({
      teamId: input.teamId,
      title: input.title,
      kind: input.kind ?? "note",
      status: input.status ?? "draft",
      // A new note starts with its team's marking, or the higher one it already carries.
      marking: highestMarking(defaultMarking, input.marking) ?? defaultMarking,
      ...body,
      portionMarking: body ? highestPortionMark(body.content) : null,
      createdBy: input.userId,
      updatedBy: input.userId,
      // An imported dated post keeps its date as the note's dateline; it was imported, and so edited, now.
      dateline: input.dateline ?? null,
    })
    .returning();
  if (body) {
    await syncNoteEntities(tx, note, body.content);
    await syncNoteCitations(tx, note, body.content);
    await syncNoteJudgments(tx, note, body.content);
  }
  // Here, so every way a note is made (the New note button, an import, the API) tells the team's webhooks.
  await enqueueWebhookEvent(tx, input.teamId, "note.created", (team, origin) => ({ note: { ...noteData(note, team, origin), kind: note.kind }, createdBy: input.userId }));
  return note;
}

export async function renameNote(teamId: string, noteId: string, title: string, userId: string, tx: Executor = db()) {
  const updated = await tx
    .update(notes)
    .set({ title, updatedBy: userId, updatedAt: new Date() })
    .where(and(eq(notes.id, noteId), eq(notes.teamId, teamId)))
    .returning({ id: notes.id });
  if (updated.length === 0) throw notFound("That note");
}

/** A member starts a new note (the New note button), blank or with a template's body (`from`, by its name); recorded. */
export function startNote(input: { teamId: string; userId: string; title: string; kind: NoteKind; from?: { template: string; content: DocNode } }): Promise<Note> {
  const { from, ...fields } = input;
  return runCommand(async ({ tx, audit }) => {
    const note = await createNote({ ...fields, content: from?.content }, tx);
    await audit({ teamId: input.teamId, userId: input.userId, action: "note.created", target: note.id, ...(from ? { data: { template: from.template } } : {}) });
    return note;
  });
}

/**
 * Deletes a note of the team with everything that hangs off it (revisions,
 * comments, editions); recorded. Once that is committed, every connection to
 * it is closed, on every process.
 */
export function deleteNote(teamId: string, noteId: string, userId: string): Promise<Note> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [deleted] = await tx
      .delete(notes)
      .where(and(eq(notes.id, noteId), eq(notes.teamId, teamId)))
      .returning();
    if (!deleted) throw notFound("That note");
    await audit({ teamId, userId, action: "note.deleted", target: deleted.id, data: { title: deleted.title } });
    afterCommit(() => closeNote(deleted.id));
    return deleted;
  });
}
