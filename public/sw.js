/**
 * Dossier's service worker: a note page this browser has opened can be
 * opened again with no network, to show and add to the edits the browser
 * keeps in IndexedDB (components/editor/offline/).
 *
 * - A navigation to a note page goes to the network first, always: a page
 *   the server answers (whatever its status) is the page shown. Only when
 *   the network fails is the last copy of it this browser got shown, and
 *   only if the copy's owner is the one user whose copies are here (the
 *   page names its owner in a meta tag, and copies are kept per user).
 * - /_next/static/ is content-hashed, so it is served from the cache first.
 * - Nothing else is touched: other pages, route handlers, server actions,
 *   the RSC requests of client-side navigation all go to the network as if
 *   there were no worker.
 *
 * The page deletes these caches on signing out, and other users' copies
 * when someone signs in (components/editor/offline/kept-pages.ts, which
 * reads the same cache names).
 */
const VERSION = "v1";
const OURS = "dossier-";
const STATIC_CACHE = `${OURS}${VERSION}-static`;
const PAGES_OF = `${OURS}${VERSION}-pages:`;

const NOTE_PATH = /^\/t\/[^/]+\/notes\/[0-9a-f-]{36}$/;
// React puts the page's meta tags in its head, before any of the note's own text.
const OWNER = /<meta name="dossier-offline-owner" content="([0-9a-f-]{36})"/;
const STATIC_FILE = /\/_next\/static\/[\w\-./~%]+/g;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(OURS) && !name.startsWith(`${OURS}${VERSION}-`)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && NOTE_PATH.test(url.pathname)) return event.respondWith(notePage(event, url));
  if (url.pathname.startsWith("/_next/static/")) return event.respondWith(staticFile(event));
});

/** A note page is kept under its path: a link with ?thread= opens the same copy offline. */
const pageKey = (url) => `${url.origin}${url.pathname}`;

async function notePage(event, url) {
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    return (await keptPage(pageKey(url))) ?? noCopyPage();
  }
  event.waitUntil(keepPage(pageKey(url), response.clone()).catch((error) => console.warn("Could not keep the note page for offline use:", error)));
  return response;
}

/** The copy of a page kept here, when exactly one user's copies are kept (a second user's are deleted as they sign in). */
async function keptPage(key) {
  const owners = (await caches.keys()).filter((name) => name.startsWith(PAGES_OF));
  if (owners.length !== 1) return undefined;
  return (await caches.open(owners[0])).match(key);
}

/**
 * Keeps a note page the server sent to this browser: only a whole page (200,
 * not a redirect to sign in) that names the user it was made for, with the
 * static files it loads.
 */
async function keepPage(key, response) {
  if (response.status !== 200 || response.type !== "basic" || response.redirected) return;
  const html = await response.text();
  const owner = OWNER.exec(html)?.[1];
  if (!owner) return;
  const pages = await caches.open(PAGES_OF + owner);
  await pages.put(key, new Response(html, { status: 200, statusText: response.statusText, headers: asStored(response.headers) }));
  await keepStaticFiles(html.match(STATIC_FILE) ?? []);
}

/** The page's headers (its policy and nonce among them), less those that described the bytes on the wire. */
function asStored(headers) {
  const stored = new Headers(headers);
  for (const name of ["content-encoding", "content-length", "transfer-encoding"]) stored.delete(name);
  return stored;
}

async function keepStaticFiles(paths) {
  const cache = await caches.open(STATIC_CACHE);
  const wanted = [...new Set(paths)].map((path) => new URL(path, self.location.origin)).filter((url) => url.origin === self.location.origin && url.pathname.startsWith("/_next/static/"));
  await Promise.all(
    wanted.map(async (url) => {
      if (await cache.match(url.href)) return;
      const response = await fetch(url.href).catch(() => undefined);
      if (response?.ok) await cache.put(url.href, response);
    }),
  );
}

async function staticFile(event) {
  const cache = await caches.open(STATIC_CACHE);
  const kept = await cache.match(event.request.url);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic" && response.status === 200) {
    event.waitUntil(cache.put(event.request.url, response.clone()).catch(() => undefined));
  }
  return response;
}

/**
 * A note page reached by a client-side navigation, or before this worker
 * was in control, was never seen here: the page asks for it to be kept,
 * and it is fetched once more, as a page, to be stored whole.
 */
self.addEventListener("message", (event) => {
  const { type, url, assets } = event.data ?? {};
  if (type !== "keep-note-page" || typeof url !== "string") return;
  const page = new URL(url, self.location.origin);
  if (page.origin !== self.location.origin || !NOTE_PATH.test(page.pathname)) return;
  event.waitUntil(
    (async () => {
      const response = await fetch(page.href, { credentials: "same-origin", headers: { Accept: "text/html" }, cache: "no-store" });
      await keepPage(pageKey(page), response);
      if (Array.isArray(assets)) await keepStaticFiles(assets.filter((asset) => typeof asset === "string"));
    })().catch((error) => console.warn("Could not keep the note page for offline use:", error)),
  );
});

function noCopyPage() {
  const html =
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Offline</title>' +
    "<main><h1>Offline</h1><p>This browser has no network, and keeps no copy of this note's page. " +
    "Open it again once the network is back: changes made here earlier are kept and will be sent.</p></main></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
