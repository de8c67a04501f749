import { defineConfig } from "@playwright/test";

const E2E_PORT = 3210;
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

export default defineConfig({
  testDir: "e2e",
  // Several processes need a shared database: the scale-out suite runs in the PostgreSQL pass.
  // The benches choose their databases themselves (search and imports measure both): they run in the PGlite pass.
  testIgnore: process.env.DATABASE_URL ? ["**/benches.spec.ts"] : ["**/scale-out.spec.ts"],
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
