"use client";

import { useEffect } from "react";

/** Same-origin static files this page loaded: what it needs to start again offline. */
function loadedStaticFiles(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(`${location.origin}/_next/static/`));
}

/**
 * Registers the service worker, and makes sure this page is kept for
 * opening offline: a page loaded through the worker was kept as it came;
 * one reached by a link (a client-side navigation) or loaded before the
 * worker was in control is asked for.
 */
async function keepThisPage(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const sawNavigation = navigator.serviceWorker.controller !== null && performance.getEntriesByType("navigation")[0]?.name === location.href;
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  if (sawNavigation) return;
  const { active } = await navigator.serviceWorker.ready;
  active?.postMessage({ type: "keep-note-page", url: location.href, assets: loadedStaticFiles() });
}

/**
 * On a note page: names the user the page was made for, so the worker keeps
 * the copy under that user (and their copies are deleted with their
 * offline edits), and asks for the page to be kept. A browser without
 * service workers, or one that fails, only loses the offline copy.
 */
export function KeepPageOffline({ userId }: { userId: string }) {
  useEffect(() => {
    keepThisPage().catch((error: unknown) => console.warn("This note's page cannot be kept for offline use:", error));
  }, []);
  return <meta name="dossier-offline-owner" content={userId} />;
}
