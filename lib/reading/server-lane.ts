import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { NO_SCRIPT_POLICY, SECURITY_HEADERS } from "@/lib/security-headers";
import { editionPageResponse } from "./edition-page";
import { readerHomeResponse } from "./reader-home";
import { sessionClaims, type SessionClaims } from "./session-cookie";

/*
 * The pages readers read are answered by the server itself, before Next.js:
 * the reading view of editions (and their print copies) and the reader home. They are plain HTML with
 * no script, and going through Next's router, proxy and its reading of the
 * session cost more than drawing them. The addresses are SERVER_ROUTES
 * (./routes.ts).
 */

type Lane = (asked: Request, session: SessionClaims | null, segments: string[]) => Promise<Response | null>;

const LANES: { path: RegExp; answer: Lane }[] = [
  // An edition's print copy: the page as printed, which opens the print dialog.
  { path: /^\/b\/([^/]+)\/([^/]+)\/([^/]+)\/print\/?$/, answer: (asked, session, [team, noteId, edition]) => editionPageResponse(asked, session, team, noteId, edition, { print: true }) },
  {
    path: /^\/b\/([^/]+)\/([^/]+)(?:\/([^/]+))?\/?$/,
    answer: (asked, session, [team, noteId, edition]) => (edition === "compare" ? Promise.resolve(null) : editionPageResponse(asked, session, team, noteId, edition)),
  },
  { path: /^\/t\/([^/]+)\/briefs\/?$/, answer: (asked, session, [team]) => readerHomeResponse(asked, session, team) },
];

function segment(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The lane answering this path, with the path's segments it names (decoded); null for any other address. */
function laneFor(pathname: string): { lane: (typeof LANES)[number]; segments: string[] } | null {
  for (const lane of LANES) {
    const match = lane.path.exec(pathname);
    if (match) return { lane, segments: match.slice(1).map(segment) as string[] };
  }
  return null;
}

const isHttps = (request: IncomingMessage) => (request.socket as TLSSocket).encrypted === true || request.headers["x-forwarded-proto"] === "https";

/**
 * Answers a reading page, or returns false to leave the request to Next.js:
 * another address, a page that is not there for this reader (Next answers
 * 404, after a renamed team's old address is followed), or a session cookie
 * only Next.js can read.
 */
export async function answerReadingPage(request: IncomingMessage, response: ServerResponse, secret: string): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = new URL(request.url ?? "/", "http://localhost");
  const matched = laneFor(url.pathname);
  if (!matched) return false;
  const { lane, segments } = matched;
  const session = await sessionClaims(request.headers.cookie, secret);
  if (session === "unreadable") return false;
  // What a lane reads of the request: the copy the browser holds, and its cookies (the theme chosen).
  const asked = new Request(url, { headers: { "if-none-match": request.headers["if-none-match"] ?? "", cookie: request.headers.cookie ?? "" } });
  const answer = await lane.answer(asked, session, segments);
  if (!answer) return false;

  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  response.setHeader("Content-Security-Policy", NO_SCRIPT_POLICY);
  if (isHttps(request)) response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  answer.headers.forEach((value, key) => response.setHeader(key, value));
  const body = request.method === "HEAD" || answer.body === null ? "" : await answer.text();
  if (body) response.setHeader("Content-Length", Buffer.byteLength(body));
  response.writeHead(answer.status);
  response.end(body);
  return true;
}
