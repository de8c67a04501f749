import { inArray } from "drizzle-orm";
import type { DatabaseHandle } from "../client";
import { notes, noteUpdates, users } from "../schema";
import type { JournalRecord } from "./records";

const BATCH = 500;

/**
 * Puts the journal's records back into note_updates, to be folded by the
 * notes' next store like any other row. A record PGlite kept already is
 * logged twice, which changes nothing (Yjs updates are idempotent); a record
 * of a note deleted since is dropped, and one of a user deleted since keeps
 * its update without its writer, as the log itself does.
 */
export async function replayRecords(database: DatabaseHandle, records: readonly JournalRecord[]): Promise<number> {
  const noteIds = [...new Set(records.map((record) => record.noteId))];
  const userIds = [...new Set(records.flatMap((record) => (record.userId ? [record.userId] : [])))];
  const liveNotes = new Set((await database.db.select({ id: notes.id }).from(notes).where(inArray(notes.id, noteIds))).map((row) => row.id));
  const liveUsers = new Set(
    userIds.length > 0 ? (await database.db.select({ id: users.id }).from(users).where(inArray(users.id, userIds))).map((row) => row.id) : [],
  );
  const rows = records
    .filter((record) => liveNotes.has(record.noteId))
    .map((record) => ({ noteId: record.noteId, update: record.update, userId: record.userId && liveUsers.has(record.userId) ? record.userId : null }));
  await database.db.transaction(async (tx) => {
    for (let at = 0; at < rows.length; at += BATCH) await tx.insert(noteUpdates).values(rows.slice(at, at + BATCH));
  });
  return rows.length;
}
