/** Characters a browser drops or reads as "/" while the URL parser keeps them: "/\t/evil" and "/\evil" become "//evil". */
const AMBIGUOUS = /[\u0000-\u001F\u007F\\]/;

function ambiguous(value: string): boolean {
  if (AMBIGUOUS.test(value)) return true;
  try {
    return AMBIGUOUS.test(decodeURIComponent(value));
  } catch {
    return true; // a malformed escape is no path of ours
  }
}

/**
 * Where to go after signing in: a path on this app, normalised by the URL
 * parser (never the raw input), or "/" for anything else: other hosts,
 * "//evil", userinfo, other schemes, control characters and backslashes.
 */
export function safeCallbackPath(value: unknown, origin: string): string {
  // A repeated parameter arrives as an array.
  if (typeof value !== "string" || !value || ambiguous(value)) return "/";
  const url = URL.parse(value, origin);
  if (!url || url.origin !== new URL(origin).origin) return "/";
  // "/.//evil" parses to the path "//evil", which a browser reads as another host.
  if (url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
