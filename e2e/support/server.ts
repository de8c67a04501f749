import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
// @ts-expect-error -- a plain .mjs helper shared with scripts/e2e-server.mjs
import { createDatabase } from "../../scripts/test-database.mjs";

/**
 * A Dossier process of a test's own (production build), so a test can kill it
 * without disturbing the shared server. It keeps its data folder, or its
 * PostgreSQL database, across restarts until `dispose`.
 */
export async function ownServer(port: number) {
  const dataDir = `.test-data/own-${port}`;
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database: { url: string; drop(): Promise<void> } | null = process.env.DATABASE_URL
    ? await createDatabase(process.env.DATABASE_URL, "dossier_own")
    : null;
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
      },
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://localhost:${port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Dossier did not start on port ${port}`);
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
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
