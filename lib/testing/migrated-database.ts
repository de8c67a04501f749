import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { createDatabase } from "../../scripts/test-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database with every migration run, for openTestDatabase to copy: a PGlite dump's path, or a PostgreSQL database's name on the server. */
    migratedDatabase: { pgliteDump: string } | { postgresTemplate: string; adminUrl: string };
  }
}

/**
 * Runs the migrations once for the whole run (they take seconds, and some ninety
 * files open a database): each test file then starts from a copy.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const template = await createDatabase(adminUrl, "dossier_template");
    const handle = openDatabase({ databaseUrl: template.url });
    await handle.migrate();
    await handle.close();
    project.provide("migratedDatabase", { postgresTemplate: template.name, adminUrl });
    return () => template.drop();
  }
  const handle = openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  const dump = await handle.dumpDataDir!("none");
  await handle.close();
  const dumpPath = path.resolve(".test-data", `migrated-${process.pid}.tar`);
  fs.mkdirSync(path.dirname(dumpPath), { recursive: true });
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("migratedDatabase", { pgliteDump: dumpPath });
  return () => fs.rmSync(dumpPath, { force: true });
}
