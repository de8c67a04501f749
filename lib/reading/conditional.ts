import { createHash } from "node:crypto";

/** A strong validator for a page drawn from these inputs (anything that changes what it shows must be among them). */
export function etagOf(inputs: unknown): string {
  return `"${createHash("sha256").update(JSON.stringify(inputs)).digest("base64url").slice(0, 27)}"`;
}

/** Whether the browser's copy (If-None-Match) is this one. */
export function isFresh(request: Request, etag: string): boolean {
  const held = request.headers.get("if-none-match");
  if (!held) return false;
  return held.trim() === "*" || held.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** The page's text, or 304 Not Modified when the browser holds it already; `draw` runs only when needed. */
export async function conditionalHtml(request: Request, etag: string, headers: Record<string, string>, draw: () => Promise<string>): Promise<Response> {
  const all = { ...headers, ETag: etag };
  if (isFresh(request, etag)) return new Response(null, { status: 304, headers: all });
  return new Response(await draw(), { status: 200, headers: { ...all, "Content-Type": "text/html; charset=utf-8" } });
}
