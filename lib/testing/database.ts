import fs from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { setDatabase } from "@/db";
import { createDatabase } from "../../scripts/test-database.mjs";

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, when
 * DATABASE_URL is set, a new PostgreSQL database on that server, dropped after.
 * Both are copies of the one the run's setup migrated (migrated-database.ts);
 * migrate() then finds nothing left to run.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const migrated = inject("migratedDatabase");
  if ("pgliteDump" in migrated) {
    const handle = openDatabase({ dataDir: "memory://", loadDataDir: new Blob([fs.readFileSync(migrated.pgliteDump)]) });
    await handle.migrate();
    setDatabase(handle);
    return handle;
  }
  const database = await createDatabase(migrated.adminUrl, "dossier_test", { template: migrated.postgresTemplate });
  const handle = openDatabase({ databaseUrl: database.url });
  await handle.migrate();
  setDatabase(handle);
  return {
    ...handle,
    url: database.url,
    async close() {
      await handle.close();
      await database.drop();
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
