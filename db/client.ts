import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import path from "node:path";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A database or an open transaction: data-access functions accept either. */
export type Executor = Database;

type DatabaseKind = "pglite" | "postgres";

/** PostgreSQL's type id of bytea. */
const BYTEA = 17;
/**
 * PGlite hands bytea over as hex text and decodes it a byte at a time, with a
 * substring and a parseInt each: 90 ms for the 600 KB state of a long-edited
 * note, on every load. Node's own hex decoder does it in about one.
 */
const bytesFromHex = (text: string): Uint8Array => Buffer.from(text.slice(2), "hex");

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other process on the same database runs its own
   * (startup: migrations and the demo seed, when several processes start at once).
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only: calls `onNotify` for every NOTIFY on `channel`. PGlite calls
   * back as it reads the notice, so before the promise of the statement that
   * sent it (or of the commit of its transaction) settles.
   */
  listen?(channel: string, onNotify: () => void): Promise<void>;
  /**
   * PGlite only: its data folder as a tar (gzip unless asked otherwise), taken between two
   * transactions (lib/backup: what `npm run backup` asks a running server for).
   */
  dumpDataDir?(compression?: "gzip" | "none"): Promise<Blob>;
}

// Any fixed number: it names the lock that Dossier processes queue on at startup.
const STARTUP_LOCK = 7_341_120;

interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; "memory://" for an in-memory database. */
  dataDir?: string;
  /** PGlite only: start from this dump of a data folder (a tar, as dumpDataDir gives) instead of an empty one. */
  loadDataDir?: Blob;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" });
    return {
      db: db as unknown as Database,
      kind: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      async exclusively(work) {
        // An advisory lock belongs to a session, so it is taken on a connection of its own.
        const session = await client.reserve();
        try {
          await session`select pg_advisory_lock(${STARTUP_LOCK})`;
          return await work();
        } finally {
          await session`select pg_advisory_unlock(${STARTUP_LOCK})`.catch(() => {});
          session.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = new PGlite(options.dataDir ?? "memory://", { parsers: { [BYTEA]: bytesFromHex }, loadDataDir: options.loadDataDir });
  const db = drizzlePglite({ client, schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    exclusively: (work) => work(), // one process per PGlite folder
    close: () => client.close(),
    listen: async (channel, onNotify) => void (await client.listen(channel, onNotify)),
    // PGlite's dump waits for the query in progress; holding the transaction mutex too, it waits for an open transaction to end.
    // (Taken before PGlite is ready, that mutex would never be let go: hence the wait.)
    dumpDataDir: async (compression = "gzip") => {
      await client.waitReady;
      return client._runExclusiveTransaction(() => client.dumpDataDir(compression));
    },
  };
}
