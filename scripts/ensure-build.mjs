// `npm start` right after `npm install`: build first when there is no build yet.
import { execSync } from "node:child_process";
import fs from "node:fs";

if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync("dist/server.mjs")) {
  console.log("No production build yet: building (about a minute)…");
  execSync("npm run build", { stdio: "inherit" });
}
