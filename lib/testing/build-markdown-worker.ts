import { execFileSync } from "node:child_process";

// vitest runs the TypeScript sources, but a worker thread needs a script Node can load: build dist/markdown-worker.mjs from them first, as `npm run build` does.
export default function setup() {
  execFileSync(process.execPath, ["scripts/build-server.mjs", "markdown-worker"], { stdio: "inherit" });
}
