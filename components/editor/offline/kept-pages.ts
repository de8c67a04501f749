"use client";

/**
 * The copies of note pages the service worker (public/sw.js) keeps for
 * opening offline, one cache per user, beside the static files they load.
 * The names are the worker's: `dossier-<version>-pages:<userId>` and
 * `dossier-<version>-static`.
 */
const OURS = "dossier-";
const PAGES_OWNER = /^dossier-[^:]+-pages:(.+)$/;

/** The user whose pages a cache keeps, or null for any other cache. */
export function ownerOfPageCache(name: string): string | null {
  return PAGES_OWNER.exec(name)?.[1] ?? null;
}

/**
 * Deletes what the worker keeps: every Dossier cache on signing out; when
 * someone signs in, only the pages kept for anyone else (the static files
 * are the same for everyone).
 */
export async function forgetKeptPages(keepUserId?: string): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = (await caches.keys()).filter((name) => name.startsWith(OURS));
  const doomed = keepUserId === undefined ? names : names.filter((name) => ownerOfPageCache(name) !== null && ownerOfPageCache(name) !== keepUserId);
  await Promise.all(doomed.map((name) => caches.delete(name)));
}
