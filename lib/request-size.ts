import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The largest request body Dossier takes: a server action's arguments, an
 * import of several Markdown files (1 MB each). next.config.ts gives Next's
 * own limits the same size.
 */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Answers 413 to a request whose stated length (Content-Length) is over
 * MAX_BODY_BYTES, before anything reads its body; returns whether it did.
 * Node's parser holds a body to its stated length. A body of no stated length
 * (chunked) passes on: Next forwards server actions between its own routes
 * that way, and its limits above cut such a body at MAX_BODY_BYTES.
 */
export function refuseOversizeBody(request: IncomingMessage, response: ServerResponse): boolean {
  const length = request.headers["content-length"];
  if (length === undefined || Number(length) <= MAX_BODY_BYTES) return false;
  const message = `That request is too large: Dossier accepts at most ${MAX_BODY_BYTES / 1024 / 1024} MB.\n`;
  // The body is left unread: close the connection rather than read it to reuse it.
  response.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(message), Connection: "close" });
  response.end(message);
  return true;
}
