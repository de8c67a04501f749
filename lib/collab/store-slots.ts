import { Semaphore } from "async-mutex";
import { database } from "@/db";

/**
 * Hocuspocus stores every note whose edits have settled at the same moment, so
 * under load hundreds of store transactions arrive together. Queued on the
 * database all at once, they hold up the update log's appends behind them,
 * and an acknowledgement waits seconds. A few at a time lets appends through
 * between them: one on PGlite (it runs one transaction at a time anyway) and
 * a few on PostgreSQL, leaving the rest of the pool to the log and the pages.
 *
 * Each store first yields to the event loop. PGlite answers in microtasks, so
 * without it a run of queued stores would hold the loop for as long as all of
 * them take (1,000 connections over 200 notes: 1.2 s) and no message would be
 * read in the meantime.
 */
const SLOTS = { pglite: 1, postgres: 4 } as const;

let slots: Semaphore | undefined;

export function inStoreSlot<T>(store: () => Promise<T>): Promise<T> {
  slots ??= new Semaphore(SLOTS[database().kind]);
  return slots.runExclusive(async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return store();
  });
}
