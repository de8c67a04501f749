// Bundles server.ts (and the lib/ and db/ code it uses) into dist/server.mjs,
// the Markdown import's worker thread into dist/markdown-worker.mjs (the
// import, in Next's bundle, starts it from there), and the benchmarks into
// dist/bench.mjs (with the server and client processes the collaboration
// benchmarks fork, beside it), the operators' command line into dist/admin.mjs, and
// `npm run backup`/`npm run restore` into dist/backup.mjs.
// Packages stay external; "server-only" is a guard for the Next.js bundle and
// has nothing to guard in this process.
// `node scripts/build-server.mjs markdown-worker` builds only the entries named.
import { build } from "esbuild";

const entries = {
  server: "server.ts",
  "markdown-worker": "lib/publishing/markdown-worker.ts",
  admin: "scripts/admin/index.ts",
  backup: "scripts/backup/index.ts",
  bench: "scripts/bench/index.ts",
  "bench-collab-server": "scripts/bench/collab-server-process.ts",
  "bench-collab-clients": "scripts/bench/collab-clients-process.ts",
};
const named = process.argv.slice(2);
for (const name of named) if (!(name in entries)) throw new Error(`No entry "${name}"; the entries are ${Object.keys(entries).join(", ")}.`);

await build({
  entryPoints: named.length > 0 ? Object.fromEntries(named.map((name) => [name, entries[name]])) : entries,
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
