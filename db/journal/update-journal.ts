import fs from "node:fs/promises";
import path from "node:path";
import { Mutex } from "async-mutex";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../client";
import { flushFolder, flushPath } from "./flush-pglite";
import { decodeRecords, encodeRecords, type JournalRecord } from "./records";
import { replayRecords } from "./replay";

/**
 * The write-ahead journal of PGlite's update log. PGlite's commits reach only
 * the page cache, so each batch of the update log is also appended to this
 * file and flushed (fdatasync) before its appends resolve: an acknowledged
 * update is on stable storage. On start the journal is read and put back into
 * note_updates (a Yjs update applied twice changes nothing), and at a
 * checkpoint, once PGlite's own files are flushed, it is emptied.
 */
export interface UpdateJournal {
  /** Appends and flushes the rows while `insert` commits them to PGlite; resolves once both are done. */
  commit(records: readonly JournalRecord[], insert: () => Promise<unknown>): Promise<void>;
  /** Makes PGlite's files durable, then empties the journal. */
  checkpoint(): Promise<void>;
  /** A checkpoint (unless told not to, as a crash would not), then the file is closed; later commits are refused. */
  close(options?: { checkpoint?: boolean }): Promise<void>;
  /** The journal's length in bytes. */
  readonly size: number;
}

export interface JournalOptions {
  /** The journal file; its folder is made if missing. */
  file: string;
  /** PGlite's data folder, flushed at each checkpoint; none for an in-memory PGlite. */
  pgliteDir?: string;
  /** A checkpoint runs once the journal passes this many bytes. */
  checkpointBytes?: number;
  /** How a write is flushed: FileHandle.datasync, or a stand-in that observes it. */
  datasync?: (file: fs.FileHandle) => Promise<void>;
  /** Where damage found at start is told. */
  warn?: (message: string) => void;
}

const DEFAULT_CHECKPOINT_BYTES = 16 * 1024 * 1024;
// mtime is kept at the kernel's clock tick: a file written just before a flush began is taken again, not missed.
const MTIME_SLACK_MS = 1_000;

/**
 * Opens the journal of a PGlite database: reads it up to its last whole
 * record (cutting off a torn or damaged tail, with a warning), puts those
 * records back into note_updates, and, when there were any, checkpoints.
 * Call it after migrations and before the collaboration server serves.
 */
export async function openUpdateJournal(database: DatabaseHandle, options: JournalOptions): Promise<UpdateJournal> {
  const datasync = options.datasync ?? ((file: fs.FileHandle) => file.datasync());
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const checkpointBytes = options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES;

  await fs.mkdir(path.dirname(options.file), { recursive: true });
  const file = await fs.open(options.file, "a+");
  // The file's own entry must outlive a power cut too.
  await flushPath(path.dirname(options.file));

  const contents = await file.readFile();
  const decoded = decodeRecords(contents);
  if (decoded.damage) {
    warn(
      `The update journal ${options.file} ends in a damaged record (${decoded.damage}): ` +
        `${decoded.records.length} whole records are replayed and the last ${contents.length - decoded.validLength} bytes, never acknowledged, are cut off.`,
    );
    await file.truncate(decoded.validLength);
    await datasync(file);
  }
  let size = decoded.validLength;
  let closed = false;
  // A write that failed and could not be taken back leaves bytes that would hide every later record: nothing more is appended.
  let broken: unknown;
  let lastFlush = 0;
  // Commits and checkpoints take turns: a checkpoint must not empty the journal of a batch PGlite has not committed yet.
  const turns = new Mutex();

  async function checkpointNow() {
    if (options.pgliteDir) {
      const started = Date.now();
      await database.db.execute(sql`checkpoint`);
      await flushFolder(options.pgliteDir, lastFlush === 0 ? 0 : lastFlush - MTIME_SLACK_MS);
      lastFlush = started;
    }
    // A crash from here on finds PGlite durable, and the journal whole or empty: replaying it again does no harm.
    await file.truncate(0);
    await datasync(file);
    size = 0;
  }

  if (decoded.records.length > 0) {
    await replayRecords(database, decoded.records);
    await checkpointNow();
  }

  return {
    get size() {
      return size;
    },
    async commit(records, insert) {
      await turns.runExclusive(async () => {
        if (closed) throw new Error("the update journal is closed");
        if (broken) throw new Error("the update journal could not be written", { cause: broken });
        const bytes = encodeRecords(records);
        const written = (async () => {
          try {
            // Opened to append: every write lands at the end.
            await file.write(bytes, 0, bytes.length, null);
            await datasync(file);
            size += bytes.length;
          } catch (error) {
            await file.truncate(size).catch((undone) => (broken = undone));
            throw error;
          }
        })();
        // Both run at once (the flush in libuv's pool, PGlite on this thread); the caller learns of either failing, after both are over.
        const [journaled, inserted] = await Promise.allSettled([written, insert()]);
        if (journaled.status === "rejected") throw journaled.reason;
        if (inserted.status === "rejected") throw inserted.reason;
      });
      if (size >= checkpointBytes) void turns.runExclusive(() => (closed ? undefined : checkpointNow())).catch((error) => warn(`The update journal's checkpoint failed: ${error}`));
    },
    checkpoint: () => turns.runExclusive(checkpointNow),
    close: (closing) =>
      turns.runExclusive(async () => {
        if (closed) return;
        closed = true;
        try {
          if (closing?.checkpoint !== false) await checkpointNow();
        } finally {
          await file.close();
        }
      }),
  };
}
