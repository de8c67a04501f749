import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";

/** A new PostgreSQL database for a bench, or null when no server answers. */
export async function postgresHandle(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> } | null> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `dossier_bench_${randomBytes(4).toString("hex")}`;
  const client = postgres(admin, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await client.unsafe(`create database ${name}`);
  } catch {
    console.log("PostgreSQL not reachable: measuring PGlite only.");
    await client.end();
    return null;
  }
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString() });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const cleanup = postgres(admin, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Runs a bench's measure on each database named (`pglite`: in memory;
 * `postgres`: a fresh database, dropped after unless kept for EXPLAIN), each
 * migrated first, and gathers its rows.
 */
export async function onEachDatabase<Row>(
  which: readonly string[],
  measure: (handle: DatabaseHandle) => Promise<Row[]>,
  options: { keepPostgres?: boolean } = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  if (which.includes("pglite")) {
    const pglite = openDatabase({ dataDir: "memory://" });
    await pglite.migrate();
    rows.push(...(await measure(pglite)));
    await pglite.close();
  }
  const pg = which.includes("postgres") ? await postgresHandle() : null;
  if (pg) {
    await pg.handle.migrate();
    rows.push(...(await measure(pg.handle)));
    if (options.keepPostgres) await pg.handle.close();
    else await pg.drop();
  }
  return rows;
}
