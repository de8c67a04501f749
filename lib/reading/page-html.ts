import "server-only";
import { escapeHtml } from "@/lib/editor/html";
import { stylesheetHref } from "./stylesheet";

/**
 * A reading page as a whole HTML document with no script: it works, and
 * prints, as it arrives. The header is the reading layout's: the brand, and
 * who is signed in (or a way to sign in).
 */
export function readingPageHtml({ title, viewer, main }: { title: string; viewer: { name: string } | null; main: string }): string {
  const who = viewer ? `<span class="who">${escapeHtml(viewer.name)}</span>` : `<a href="/signin">Sign in</a>`;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · Dossier</title>` +
    `<link rel="stylesheet" href="${stylesheetHref()}">` +
    `</head><body>` +
    `<header class="app-header reading-header"><a href="/" class="brand">Dossier</a><span class="spacer"></span>${who}</header>` +
    `<main class="reading-page">${main}</main>` +
    `</body></html>`
  );
}
