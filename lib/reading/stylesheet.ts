import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's stylesheet (app/globals.css) as a file of its own, for the pages
 * served as plain HTML: Next gives its bundled copy a name known only to its
 * own pages. Read once; its URL carries a hash of it, so a browser keeps it
 * until it changes.
 */
let loaded: { css: string; version: string } | undefined;

export function readingStylesheet(): { css: string; version: string } {
  if (!loaded) {
    const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");
    loaded = { css, version: createHash("sha256").update(css).digest("hex").slice(0, 12) };
  }
  return loaded;
}

export const stylesheetHref = () => `/reading.css?v=${readingStylesheet().version}`;
