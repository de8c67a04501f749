// Bundles server.ts (and the lib/ and db/ code it uses) into dist/server.mjs,
// and the benchmarks into dist/bench.mjs.
// Packages stay external; "server-only" is a guard for the Next.js bundle and
// has nothing to guard in this process.
import { build } from "esbuild";

await build({
  entryPoints: { server: "server.ts", bench: "scripts/bench/index.ts" },
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
