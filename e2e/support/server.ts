import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createDatabase } from "../../scripts/test-database.mjs";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database of a test's own, when DATABASE_URL names a server. */
export async function ownDatabase(): Promise<TestDatabase | null> {
  return process.env.DATABASE_URL ? createDatabase(process.env.DATABASE_URL, "dossier_own") : null;
}

export interface OwnServerOptions {
  /** A database shared with other processes (the test drops it); by default one of its own. */
  database?: TestDatabase;
  env?: Record<string, string>;
}

/**
 * A Dossier process of a test's own (production build), so a test can kill it
 * without disturbing the shared server. It keeps its data folder, or its
 * PostgreSQL database, across restarts until `dispose`.
 */
export async function ownServer(port: number, options: OwnServerOptions = {}) {
  const dataDir = `.test-data/own-${port}`;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const shared = options.database;
  const database = shared ?? (await ownDatabase());
  let child: ChildProcess | null = null;

  async function start() {
    child = spawn(process.execPath, ["dist/server.mjs"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATA_DIR: dataDir,
        DOSSIER_DEMO: "1",
        ...(database ? { DATABASE_URL: database.url } : {}),
        ...options.env,
      },
    });
    const started = child;
    // A fresh data folder is migrated and seeded first: on two busy cores that can take most of a minute.
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && started.exitCode === null) {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const exited = started.exitCode;
    // Left running, it would hold the port and the data folder for the next test.
    await stop("SIGKILL");
    throw new Error(exited === null ? `Dossier did not start on port ${port} within 90 s` : `Dossier exited with code ${exited} before answering on port ${port}`);
  }

  async function stop(signal: NodeJS.Signals) {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill(signal);
    await exited;
  }

  await start();
  return {
    baseURL: `http://localhost:${port}`,
    /** SIGKILL: no shutdown hooks, no final store; only what is on disk survives. */
    crash: () => stop("SIGKILL"),
    restart: start,
    async dispose() {
      await stop("SIGTERM");
      if (!shared) await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
