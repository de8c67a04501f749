import { openDatabase, type DatabaseHandle } from "./client";
import path from "node:path";
import { loadConfig } from "@/lib/config";

/**
 * One database per process. server.ts and the Next.js bundle each get their own
 * copy of this module, so the handle lives on globalThis: PGlite must never be
 * opened twice on one data folder.
 */
const key = Symbol.for("dossier.database");
type Holder = { [key]?: DatabaseHandle };

export function setDatabase(handle: DatabaseHandle): void {
  (globalThis as Holder)[key] = handle;
}

export function database(): DatabaseHandle {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const config = loadConfig();
    holder[key] = openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, "pglite") });
  }
  return holder[key];
}

export function db() {
  return database().db;
}

export type { Database, Executor } from "./client";
