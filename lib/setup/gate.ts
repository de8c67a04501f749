import type { IncomingMessage, ServerResponse } from "node:http";
import { isSetUp } from "./first-start";

type BeforeSetup = "serve" | "to-setup" | "unavailable";

/**
 * What a request gets while no account exists: the setup page, the files it
 * loads, the health check and the service worker's script (a static file: a
 * browser that had it checks it for updates) are served; any other page leads to /setup;
 * anything else (route handlers, other pages' server actions) is not
 * available yet.
 */
export function beforeSetup(method: string | undefined, url: string | undefined): BeforeSetup {
  const pathname = URL.parse(url ?? "/", "http://dossier.invalid")?.pathname ?? "/";
  if (pathname === "/setup" || pathname.startsWith("/_next/") || pathname === "/api/health" || pathname === "/favicon.ico" || pathname === "/sw.js") return "serve";
  if ((method === "GET" || method === "HEAD") && !pathname.startsWith("/api/")) return "to-setup";
  return "unavailable";
}

/**
 * server.ts asks this of every request until the process has seen an
 * account (knownSetUp); true when it answered the request itself.
 */
export async function answerBeforeSetup(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const answer = beforeSetup(request.method, request.url);
  if (answer === "serve") return false;
  let setUp: boolean;
  try {
    setUp = await isSetUp();
  } catch (error) {
    console.error("could not tell whether Dossier is set up:", error);
    request.resume();
    response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" }).end("Dossier cannot reach its database.\n");
    return true;
  }
  if (setUp) return false;
  // The body, if any, is read and dropped: a connection closed with unread data is reset.
  request.resume();
  if (answer === "to-setup") {
    response.writeHead(307, { Location: "/setup", "Cache-Control": "no-store" }).end();
  } else {
    response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("Dossier is not set up yet: open /setup in a browser to create the first account.\n");
  }
  return true;
}
