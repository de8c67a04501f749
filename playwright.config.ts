import { defineConfig } from "@playwright/test";

// E2E_PORT moves the servers, for a second checkout testing on the same machine.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
/**
 * Spec files run side by side, each worker against a Dossier of its own (port
 * 3210 + its parallel index, with its own database), so no file sees another's
 * sign-ins, settings or notes. E2E_WORKERS=1 runs them one after another.
 */
const WORKERS = Number(process.env.E2E_WORKERS ?? 2);
// Set in each worker process before it reads this file; the main process has none.
const workerPort = E2E_PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/** Debian's Chromium; Playwright's own browser download is not used. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const E2E_ALL = process.env.E2E_ALL === "1";
/**
 * The browser specs of the PostgreSQL pass. Every test below the browser
 * (vitest: queries, policies, the collaboration server, imports, backups)
 * runs on both databases; in the browser, the two differ only where these
 * go: a crash of the server (kill -9), a database created and migrated at
 * first start, co-editing and presence through Redis, the socket's
 * refusals, the reading lane (PGlite keeps what it reads until a change is
 * announced; PostgreSQL reads each time), and two processes behind a
 * balancer. The other journeys (forms, menus, review, publishing) run the
 * same SQL through the same code on PGlite, in the first pass.
 * The benches choose their databases themselves: they run in the PGlite pass.
 */
const STORAGE_SPECS = ["durability", "first-start", "collaboration", "hostile-updates", "reading-view", "reader-canary", "offline", "scale-out"].map(
  (name) => `**/${name}.spec.ts`,
);

export default defineConfig({
  testDir: "e2e",
  // On PostgreSQL, the specs whose subject is the storage, the socket and the cluster (E2E_ALL=1 runs them all);
  // several processes need a shared database, so the scale-out suite runs there only.
  ...(!ON_POSTGRES ? { testIgnore: ["**/scale-out.spec.ts"] } : E2E_ALL ? { testIgnore: ["**/benches.spec.ts"] } : { testMatch: STORAGE_SPECS }),
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  forbidOnly: true,
  // Journeys of three people (write, review, publish, read) take 30–50 s alone on two cores,
  // and longer beside another worker; speed is measured by `npm run bench`, not here.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${workerPort}`,
    launchOptions: chromiumLaunchOptions,
    trace: "retain-on-failure",
  },
  webServer: Array.from({ length: WORKERS }, (_, index) => ({
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${E2E_PORT + index}/api/health`,
    env: { PORT: String(E2E_PORT + index) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
  })),
});
