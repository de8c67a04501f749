import path from "node:path";
import type { DatabaseHandle } from "../client";
import { openUpdateJournal, type JournalOptions, type UpdateJournal } from "./update-journal";

export type { UpdateJournal } from "./update-journal";

/**
 * The journal of this process's PGlite, if it has one. Like the database
 * handle it lives on globalThis: server.ts and the Next.js bundle each hold a
 * copy of the modules that append to the update log, and both must write to
 * the one journal.
 */
const key = Symbol.for("dossier.updateJournal");
type Holder = { [key]?: UpdateJournal };

export function updateJournal(): UpdateJournal | undefined {
  return (globalThis as Holder)[key];
}

/** The journal that goes with a PGlite data folder: beside it, so the folder alone stays a whole database. */
export function journalFileFor(pgliteDir: string): string {
  return path.join(path.dirname(pgliteDir), `${path.basename(pgliteDir)}.journal`);
}

/**
 * On PGlite in a folder, opens (and replays) its journal and appends every
 * batch of the update log to it from now on; on PostgreSQL, whose own WAL
 * flushes each commit, or on an in-memory PGlite, nothing. Returns the
 * journal, to be closed (with a checkpoint) before the database.
 */
export async function startUpdateJournal(
  database: DatabaseHandle,
  pgliteDir: string | undefined,
  options: Omit<JournalOptions, "file" | "pgliteDir"> = {},
): Promise<UpdateJournal | undefined> {
  if (database.kind !== "pglite" || !pgliteDir || pgliteDir.startsWith("memory://")) return undefined;
  const journal = await openUpdateJournal(database, { ...options, file: journalFileFor(pgliteDir), pgliteDir });
  (globalThis as Holder)[key] = journal;
  return journal;
}

/** Closes the journal (a checkpoint first, unless told not to) and appends no more to it. */
export async function stopUpdateJournal(options?: { checkpoint?: boolean }): Promise<void> {
  const journal = updateJournal();
  delete (globalThis as Holder)[key];
  await journal?.close(options);
}
