import "server-only";
import { escapeHtml } from "@/lib/editor/html";
import { themeAttribute, type Theme } from "@/lib/theme/theme";
import { stylesheetHref } from "./stylesheet";

/** Posts to app/signout (lib/auth/sign-out-form.ts), which needs no script. */
const SIGN_OUT_FORM = `<form method="post" action="/signout" class="sign-out"><button type="submit">Sign out</button></form>`;

export interface ReadingPage {
  title: string;
  /** Who is signed in, null for nobody (a way in is offered); left out where the page does not know (no one is named). */
  viewer?: { name: string } | null;
  main: string;
  /** The main element's class: a reading column, or a list page's width. */
  mainClass?: string;
  /** Links of the header's navigation, as HTML (already escaped). */
  nav?: string;
  /** The reader's choice of theme (their cookie), the system's when not given. */
  theme?: Theme;
  /** A script file of our own the page loads (the print copy's); reading pages have none. */
  script?: string;
}

/**
 * A reading page as a whole HTML document with no script: it works, and
 * prints, as it arrives. The header is the reading layout's: the brand, the
 * page's navigation, and who is signed in with a way out (or a way in).
 */
export function readingPageHtml({ title, viewer, main, mainClass = "reading-page", nav = "", theme = "system", script }: ReadingPage): string {
  const who =
    viewer === undefined ? "" : viewer ? `<span class="who" data-testid="signed-in-as">${escapeHtml(viewer.name)}</span>${SIGN_OUT_FORM}` : `<a href="/signin">Sign in</a>`;
  const chosen = themeAttribute(theme);
  return (
    `<!DOCTYPE html><html lang="en"${chosen ? ` data-theme="${chosen}"` : ""}><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · Dossier</title>` +
    `<link rel="stylesheet" href="${stylesheetHref()}">` +
    (script ? `<script src="${escapeHtml(script)}" defer></script>` : "") +
    `</head><body>` +
    `<header class="app-header reading-header"><a href="/" class="brand">Dossier</a>${nav}<span class="spacer"></span>${who}</header>` +
    `<main class="${mainClass}">${main}</main>` +
    `</body></html>`
  );
}
