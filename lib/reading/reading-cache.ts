import "server-only";
import { database } from "@/db";
import type { DatabaseHandle } from "@/db/client";

/*
 * On PGlite, what the reading pages' per-request queries read (the edition,
 * the session, the role, the Follow, the reader home's lists) is kept in
 * memory until the database says that something they read has changed:
 * migration 0019's triggers NOTIFY on every write to those tables, and
 * PGlite, which only this process opens, hears it before the writing
 * statement (or its transaction's commit) returns. So no read after a write
 * is answered from before it. The queries run in this process's thread on
 * PGlite, which is why they are worth keeping.
 *
 * On PostgreSQL nothing is kept: another process hears a notice only some
 * time after the commit, and the query runs in the database server anyway.
 */

const CHANNEL = "dossier_reading_changed";

/** Every store of kept values, to be emptied on any notice. */
const stores = new Set<Map<string, unknown>>();
/** Bumped on every notice: a value read across a notice is not kept, as it may predate the change. */
let generation = 0;
/** The database listened to, and whether it listens (false on PostgreSQL, or if LISTEN failed). */
let watching: { handle: DatabaseHandle; listening: Promise<boolean> } | undefined;

function forgetAll() {
  generation++;
  for (const store of stores) store.clear();
}

function watchChanges(handle: DatabaseHandle): Promise<boolean> {
  if (watching?.handle !== handle) {
    forgetAll();
    const listening = handle.listen
      ? handle.listen(CHANNEL, forgetAll).then(
          () => true,
          (error: unknown) => {
            console.error("Reading pages: could not listen for changes, so their queries run every time.", error);
            return false;
          },
        )
      : Promise.resolve(false);
    watching = { handle, listening };
  }
  return watching.listening;
}

/** Values kept until what they were read from changes: at most `limit` of them, the oldest let go first. */
export class KeptUntilChanged<T> {
  private readonly kept = new Map<string, T>();

  constructor(private readonly limit: number) {
    stores.add(this.kept as Map<string, unknown>);
  }

  /** The value `load` gives for `key`, kept; `stillGood` rejects a kept value for reasons of the clock (an expired session). */
  async get(key: string, load: () => Promise<T>, stillGood: (value: T) => boolean = () => true): Promise<T> {
    const listening = await watchChanges(database());
    if (listening && this.kept.has(key)) {
      const value = this.kept.get(key)!;
      if (stillGood(value)) return value;
    }
    const before = generation;
    const value = await load();
    if (listening && generation === before) {
      this.kept.delete(key);
      this.kept.set(key, value);
      if (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
    }
    return value;
  }

  /** Drops what is kept for `key`, after a write of this process that no trigger announces. */
  forget(key: string): void {
    this.kept.delete(key);
  }
}
