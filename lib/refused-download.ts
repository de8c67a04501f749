import "server-only";
import { readingPageHtml } from "@/lib/reading/page-html";
import { themeOfCookieHeader } from "@/lib/theme/theme";

/** The words of the app's own 404 page (app/not-found.tsx), for answers drawn outside React. */
const NOT_FOUND_MAIN =
  `<div class="card auth-card stack"><h1>Not found</h1><p>This page does not exist, or you do not have access to it.</p>` + `<p><a href="/">Go to your notes</a></p></div>`;

const asksForPage = (request: Request) => (request.headers.get("accept") ?? "").includes("text/html");

/**
 * A download (an export, a snapshot) that is not given. A browser following
 * a link gets what any other address gives it: the sign-in page, coming
 * back here after, or the app's "Not found" page. A client (curl, a script)
 * gets the reason as a line of text with the status.
 */
export function refusedDownload(request: Request, status: 400 | 401 | 404, message: string): Response {
  if (asksForPage(request) && status === 401) {
    const { pathname, search } = new URL(request.url);
    return new Response(null, { status: 307, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(pathname + search)}`, "Cache-Control": "no-store" } });
  }
  if (asksForPage(request) && status === 404) {
    return new Response(readingPageHtml({ title: "Not found", main: NOT_FOUND_MAIN, theme: themeOfCookieHeader(request.headers.get("cookie")) }), { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
