/**
 * A state-changing request from another site (CSRF) is refused: browsers send
 * Origin (and Sec-Fetch-Site) on POSTs, and both must say it came from here.
 */
export function isSameOrigin(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true; // Not a browser's cross-site request.
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
