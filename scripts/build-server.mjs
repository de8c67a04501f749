// Bundles server.ts (and the lib/ and db/ code it uses) into dist/server.mjs,
// and the benchmarks into dist/bench.mjs (with the server and client processes
// the collaboration benchmarks fork, beside it).
// Packages stay external; "server-only" is a guard for the Next.js bundle and
// has nothing to guard in this process.
import { build } from "esbuild";

await build({
  entryPoints: {
    server: "server.ts",
    bench: "scripts/bench/index.ts",
    "bench-collab-server": "scripts/bench/collab-server-process.ts",
    "bench-collab-clients": "scripts/bench/collab-clients-process.ts",
  },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  packages: "external",
  alias: { "server-only": "./lib/server-only-noop.ts" },
  sourcemap: true,
  logLevel: "warning",
});
