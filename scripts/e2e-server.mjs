// Starts the production build for the Playwright suite, on a fresh PGlite
// folder, or on a fresh PostgreSQL database when DATABASE_URL is set.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createDatabase } from "./test-database.mjs";

const dataDir = `.test-data/e2e-${process.env.PORT ?? "3210"}`;
fs.rmSync(dataDir, { recursive: true, force: true });
const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : null;

const server = spawn(process.execPath, ["dist/server.mjs"], {
  stdio: "inherit",
  // Revisions after two quiet seconds, so the history tests need not wait minutes; webhooks may reach the tests' receivers on this machine.
  env: { REVISION_PAUSE_SECONDS: "2", DOSSIER_WEBHOOKS_ALLOW_LOOPBACK: "1", ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, DOSSIER_DEMO: "1", ...(database ? { DATABASE_URL: database.url } : {}) },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve()));
  await database?.drop();
  process.exit(code);
}
server.on("exit", (code) => void stop(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stop(0));
