import { and, asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import { db, type Executor } from "@/db";
import { updateJournal } from "@/db/journal";
import { noteClients, notes, noteUpdates } from "@/db/schema";
import { deriveBody } from "@/lib/editor/derive";
import type { DocNode } from "@/lib/editor/document";
import { stableStringify } from "@/lib/stable-json";
import { groupCommit } from "./group-commit";
import { announceBodyChange, type NoteSubscriber } from "./note-hooks";

/**
 * Durable storage of a note's Yjs document: the stored state (notes.ydoc)
 * plus the update log (note_updates) of everything acknowledged since.
 */

type LogRow = { noteId: string; update: Uint8Array; userId: string | null };

const logRows = groupCommit<LogRow>(async (rows) => {
  const insert = () => db().insert(noteUpdates).values(rows);
  // On PGlite in a folder, the batch is also written to the journal and flushed: its commit alone reaches only the page cache.
  const journal = updateJournal();
  await (journal ? journal.commit(rows, insert) : insert());
});

/**
 * Appends one acknowledged update to the log; resolves once it is committed
 * (with whatever else was waiting), and on PGlite once it is in the flushed journal.
 */
export function appendUpdate(noteId: string, update: Uint8Array, userId: string | null): Promise<void> {
  return logRows({ noteId, update, userId });
}

/** A note's stored row (state and what was derived from it) and the log of updates acknowledged since. */
export interface StoredNoteState {
  ydoc: Uint8Array | null;
  content: DocNode | null;
  text: string;
  log: Uint8Array[];
}

/** Reads the stored state and the log together, or null when there is no such note. */
export async function readNoteState(noteId: string): Promise<StoredNoteState | null> {
  // The share lock keeps a concurrent store from folding the log between the two reads.
  return db().transaction(async (tx) => {
    const [note] = await tx.select({ ydoc: notes.ydoc, content: notes.content, text: notes.text }).from(notes).where(eq(notes.id, noteId)).for("share");
    if (!note) return null;
    const log = await tx
      .select({ update: noteUpdates.update })
      .from(noteUpdates)
      .where(eq(noteUpdates.noteId, noteId))
      .orderBy(asc(noteUpdates.seq));
    return { ...note, log: log.map((row) => row.update) };
  });
}

/** The stored state and the log as one Yjs update. */
export function mergedState(state: StoredNoteState): Uint8Array {
  const parts = [...(state.ydoc ? [state.ydoc] : []), ...state.log];
  // Merging a lone update would decode and encode it again: a third of the time of opening a long-edited note.
  if (parts.length === 1) return parts[0];
  return parts.length > 0 ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc());
}

/** The note's whole state (stored state and log merged), or null when there is no such note. */
export async function loadNoteState(noteId: string): Promise<Uint8Array | null> {
  const state = await readNoteState(noteId);
  return state && mergedState(state);
}

interface StoreResult {
  /** Whether the body's content changed (and so the derived columns were written). */
  contentChanged: boolean;
  /** How many log entries were folded into the stored state. */
  folded: number;
}

/** The origin of what a store takes into the live document from the stored state. */
export const STORED_STATE = Symbol("stored state");

/**
 * Folds the log into the stored state and writes the derived JSON and text,
 * who contributed, and what the subscribers derive from a changed body (the
 * note's links to actors and events), in one transaction under a row lock.
 * Log entries are merged in rather than assumed to be in `doc`, so an update
 * logged but not yet applied in memory is never lost by the fold; so is the
 * stored state, which another process may have written with an edit this one
 * missed. A store that changes nothing writes nothing.
 */
export async function storeNoteState(noteId: string, doc: Y.Doc, userId: string | null, subscribers: readonly NoteSubscriber[]): Promise<StoreResult> {
  return db().transaction(async (tx) => {
    const [note] = await tx
      .select({ ydoc: notes.ydoc, content: notes.content, teamId: notes.teamId, pendingContributors: notes.pendingContributors })
      .from(notes)
      .where(eq(notes.id, noteId))
      .for("update");
    if (!note) return { contentChanged: false, folded: 0 };
    // What another process stored may hold an edit this one never received (a relay lost while Redis restarted):
    // the live document takes it in first, so this store never writes an older copy over it, and its editors get it.
    if (note.ydoc) Y.applyUpdate(doc, note.ydoc, STORED_STATE);

    const log = await tx
      .select({ seq: noteUpdates.seq, update: noteUpdates.update, userId: noteUpdates.userId })
      .from(noteUpdates)
      .where(eq(noteUpdates.noteId, noteId))
      .orderBy(asc(noteUpdates.seq));

    const merged = foldLog(doc, log);
    const state = Y.encodeStateAsUpdate(merged);
    const body = deriveBody(merged);
    merged.destroy();

    const contentChanged = stableStringify(body.content) !== stableStringify(note.content ?? null);
    if (!contentChanged && log.length === 0) return { contentChanged, folded: 0 };

    await tx
      .update(notes)
      .set({
        ydoc: state,
        ...(contentChanged
          ? { content: body.content, text: body.text, updatedAt: new Date(), ...(userId ? { updatedBy: userId } : {}) }
          : {}),
      })
      .where(eq(notes.id, noteId));
    if (contentChanged) await announceBodyChange(subscribers, { tx, note: { id: noteId, teamId: note.teamId }, content: body.content });
    if (log.length > 0) {
      await recordContributors(tx, { id: noteId, pendingContributors: note.pendingContributors }, log);
      await tx.delete(noteUpdates).where(
        and(
          eq(noteUpdates.noteId, noteId),
          inArray(
            noteUpdates.seq,
            log.map((row) => row.seq),
          ),
        ),
      );
    }
    return { contentChanged, folded: log.length };
  });
}

/**
 * A copy of `doc` with the log applied on top. Applying is several times
 * faster than Y.mergeUpdates over a long log (most of it is already in `doc`
 * and is skipped by clock), and an update still waiting for content it depends
 * on is kept as pending and encoded with the state, so nothing is dropped.
 */
function foldLog(doc: Y.Doc, log: { update: Uint8Array }[]): Y.Doc {
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
  merged.transact(() => {
    for (const row of log) Y.applyUpdate(merged, row.update);
  });
  return merged;
}

/**
 * Notes who sent the folded updates (for the next revision) and which Yjs
 * client ids they wrote with (for attributing insertions in a diff).
 */
async function recordContributors(
  tx: Executor,
  note: { id: string; pendingContributors: string[] },
  log: { update: Uint8Array; userId: string | null }[],
) {
  const noteId = note.id;
  const contributors = new Set(note.pendingContributors);
  for (const row of log) if (row.userId) contributors.add(row.userId);
  if (contributors.size > note.pendingContributors.length) {
    await tx.update(notes).set({ pendingContributors: [...contributors] }).where(eq(notes.id, noteId));
  }
  const clients = new Map<number, string | null>();
  for (const row of log) {
    for (const struct of Y.decodeUpdate(row.update).structs) if (!clients.has(struct.id.client)) clients.set(struct.id.client, row.userId);
  }
  if (clients.size > 0) {
    await tx
      .insert(noteClients)
      .values([...clients].map(([clientId, userId]) => ({ noteId, clientId, userId })))
      .onConflictDoNothing();
  }
}

/** Entries waiting in the log for a note (a note loaded with some is stored soon after). */
export async function pendingUpdateCount(noteId: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(noteUpdates)
    .where(eq(noteUpdates.noteId, noteId));
  return row.n;
}
