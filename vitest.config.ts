import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The guard belongs to the Next.js bundle; tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/server-only-noop.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    // The cluster's chaos test runs in the PostgreSQL pass only (PGlite is one process by design), as e2e/scale-out.spec.ts does.
    exclude: ["node_modules/**", "e2e/**", ".next/**", "dist/**", ...(process.env.DATABASE_URL ? [] : ["lib/collab/chaos.test.ts"])],
    environment: "node",
    globalSetup: ["lib/testing/build-markdown-worker.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run one at a time, so timings stay honest and PostgreSQL is not swamped.
    fileParallelism: false,
  },
});
