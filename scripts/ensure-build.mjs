// Builds unless the production build on disk was made from the sources as they
// are now: `npm start` right after `npm install` or a change, and `npm test`,
// whose second pass (on PostgreSQL) reuses the first pass's build.
import { execSync } from "node:child_process";
import fs from "node:fs";
import { recordedFingerprint, sourceFingerprint } from "./build-fingerprint.mjs";

const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync("dist/server.mjs");
if (!built || recordedFingerprint() !== sourceFingerprint()) {
  console.log(built ? "The sources changed since the last build: building again…" : "No production build yet: building (a few minutes)…");
  // `npm run build` records the fingerprint of what it built.
  execSync("npm run build", { stdio: "inherit" });
} else {
  console.log("The production build is up to date with the sources.");
}
