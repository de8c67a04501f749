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
    exclude: ["node_modules/**", "e2e/**", ".next/**", "dist/**"],
    environment: "node",
    globalSetup: ["lib/testing/build-markdown-worker.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run one at a time, so timings stay honest and PostgreSQL is not swamped.
    fileParallelism: false,
  },
});
