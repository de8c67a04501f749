import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_SNAPSHOT_BYTES, SNAPSHOT_UPLOAD_PATH } from "./sources/snapshot-limits";

/**
 * The largest request body Dossier takes: a server action's arguments, an
 * import of several Markdown files (1 MB each). next.config.ts gives Next's
 * own limits the same size.
 */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * The largest body a request may state: a source's snapshot upload takes a
 * file of up to MAX_SNAPSHOT_BYTES (and counts the bytes again as it reads
 * them); every other request MAX_BODY_BYTES.
 */
export function bodyLimitFor(request: Pick<IncomingMessage, "method" | "url">): number {
  return request.method === "POST" && SNAPSHOT_UPLOAD_PATH.test(request.url ?? "") ? MAX_SNAPSHOT_BYTES : MAX_BODY_BYTES;
}

/** How long an oversized body is drained before its connection is cut. */
const LINGER_MS = 5_000;

/**
 * Answers 413 to a request whose stated length (Content-Length) is over its
 * limit (bodyLimitFor), before anything reads its body; returns whether it did.
 * Node's parser holds a body to its stated length. A body of no stated length
 * (chunked) passes on: Next forwards server actions between its own routes
 * that way, and its limits above cut such a body at MAX_BODY_BYTES.
 */
export function refuseOversizeBody(request: IncomingMessage, response: ServerResponse): boolean {
  const length = request.headers["content-length"];
  const limit = bodyLimitFor(request);
  if (length === undefined || Number(length) <= limit) return false;
  const message = `That request is too large: Dossier accepts at most ${limit / 1024 / 1024} MB.\n`;
  response.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(message) });
  response.end(message);
  // Nothing reads the body, but it is drained and thrown away rather than left unread: a socket closed
  // with unread data is reset, and the sender's system may then drop the 413 before the sender reads it.
  // A sender still writing after a few seconds is cut off.
  request.resume();
  const cutOff = setTimeout(() => request.socket.destroy(), LINGER_MS);
  cutOff.unref();
  request.once("end", () => clearTimeout(cutOff));
  request.socket.once("close", () => clearTimeout(cutOff));
  return true;
}
