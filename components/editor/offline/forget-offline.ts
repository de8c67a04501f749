"use client";

import { forgetUnsavedTitles } from "@/components/notes/unsaved-titles";
import { forgetKeptPages } from "./kept-pages";
import { forgetOfflineStores, pendingInBrowser } from "./offline-store";
import { changesCount } from "./offline-words";

/**
 * Before this browser signs out: the user is asked first when changes made
 * here have not reached the server, then every Dossier store of the browser,
 * the titles it kept unsaved and every page kept for offline use are deleted,
 * so the next person to sign in finds nothing of theirs.
 * Resolves false when the user chose to stay.
 */
export async function forgetOfflineEditsBeforeSignOut(): Promise<boolean> {
  const waiting = await pendingInBrowser().catch(() => 0);
  if (waiting > 0 && !window.confirm(`${changesCount(waiting)} made in this browser have not reached the server yet. Signing out discards them. Sign out anyway?`)) return false;
  forgetUnsavedTitles();
  await Promise.all([
    forgetOfflineStores().catch((error: unknown) => console.error("Could not delete this browser's offline edits:", error)),
    forgetKeptPages().catch((error: unknown) => console.error("Could not delete the pages this browser kept for offline use:", error)),
  ]);
  return true;
}
