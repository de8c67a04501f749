// What the production build is made from, as one hash: the content of every
// source file the bundles read, the lockfile and the patches. `npm run build`
// records it beside the build; scripts/ensure-build.mjs builds again only when
// it differs, so the two passes of `npm test` share one build.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const inputs = ["app", "components", "lib", "db", "scripts", "public", "patches", "server.ts", "proxy.ts", "next.config.ts", "tsconfig.json", "package.json", "package-lock.json"];
const recorded = "dist/build-fingerprint";

/** Tests and fixtures do not change what the build holds. */
const ignored = (file) => /\.test\.ts$/.test(file) || file.includes(`${path.sep}fixtures${path.sep}`);

function* files(entry) {
  if (!fs.existsSync(entry)) return;
  if (fs.statSync(entry).isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) {
    const child = path.join(entry, name);
    if (fs.statSync(child).isDirectory()) yield* files(child);
    else if (!ignored(child)) yield child;
  }
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const input of inputs) for (const file of files(input)) hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export const recordedFingerprint = () => (fs.existsSync(recorded) ? fs.readFileSync(recorded, "utf8").trim() : null);

export function recordFingerprint(fingerprint = sourceFingerprint()) {
  fs.mkdirSync(path.dirname(recorded), { recursive: true });
  fs.writeFileSync(recorded, `${fingerprint}\n`);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === "record") recordFingerprint();
