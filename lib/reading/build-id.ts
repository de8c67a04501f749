import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// A new build may draw the same page otherwise: its pages are new to browsers too.
let build: string | undefined;

/** The running build's id, part of every plain-HTML page's ETag. */
export function buildId(): string {
  if (build === undefined) {
    try {
      build = readFileSync(path.join(process.cwd(), ".next/BUILD_ID"), "utf8").trim();
    } catch {
      build = "development";
    }
  }
  return build;
}
