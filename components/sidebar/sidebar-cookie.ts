/**
 * Whether the sidebar is hidden on wide screens, kept in a cookie so the
 * server draws the page as the member left it, with no flash of the other
 * state. Read by the team layout, written by the browser (SidebarState).
 */
export const SIDEBAR_COOKIE = "dossier-sidebar";
export const SIDEBAR_HIDDEN = "hidden";

/** A year: the choice stays until the member changes it again. */
const KEPT_FOR_SECONDS = 365 * 24 * 60 * 60;

/** The cookie's text for document.cookie: hidden, or cleared when shown again. */
export const sidebarCookie = (hidden: boolean): string =>
  hidden ? `${SIDEBAR_COOKIE}=${SIDEBAR_HIDDEN}; path=/; max-age=${KEPT_FOR_SECONDS}; samesite=lax` : `${SIDEBAR_COOKIE}=; path=/; max-age=0; samesite=lax`;

/** The media query under which the sidebar is an overlay opened from the menu button (app/globals.css uses the same width). */
export const NARROW_SCREEN = "(width < 900px)";
