import path from "node:path";
import { defineConfig } from "vitest/config";

const excluded = ["node_modules/**", "e2e/**", ".next/**", "dist/**"];
// The cluster's chaos test runs in the PostgreSQL pass only (PGlite is one process by design), as e2e/scale-out.spec.ts does;
// so does the crash between relay and commit, which holds the commit by a lock from another process.
if (!process.env.DATABASE_URL) excluded.push("lib/collab/chaos.test.ts", "lib/collab/relay-before-commit.test.ts");

/**
 * Files that kill processes, bound the event loop's wall-clock stalls or copy a
 * live database while writers type: they run after the others, one at a time,
 * with the machine to themselves.
 */
const ALONE = ["lib/backup/backup-restore.test.ts", "lib/publishing/import-worker.test.ts", "lib/collab/kill-durability.test.ts", "lib/collab/chaos.test.ts", "lib/collab/relay-before-commit.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The guard belongs to the Next.js bundle; tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/server-only-noop.ts"),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["lib/testing/build-markdown-worker.ts", "lib/testing/migrated-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Two files at a time, one per core: most of a file's time is spent waiting on sockets, processes and timers.
        // Speed is measured by `npm run bench`, never here.
        test: { name: "side-by-side", include: ["**/*.test.ts"], exclude: [...excluded, ...ALONE], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "alone", include: ALONE, exclude: excluded, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
