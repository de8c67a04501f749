import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { setDatabase } from "@/db";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, when
 * DATABASE_URL is set, a new PostgreSQL database on that server, dropped after.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = openDatabase({ dataDir: "memory://" });
    await handle.migrate();
    setDatabase(handle);
    return handle;
  }
  const name = `dossier_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString() });
  await handle.migrate();
  setDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

/**
 * One test database for the whole file: opened before its first test, closed
 * after its last. Call at the top level of a test file; the getter returns the
 * handle once the tests run.
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());
  return () => {
    if (!database) throw new Error("The test database is opened in beforeAll: read it inside a test or hook.");
    return database;
  };
}
