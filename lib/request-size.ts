import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The largest request body Dossier takes: a server action's arguments, an
 * import of several Markdown files (1 MB each). next.config.ts gives Next's
 * own limits the same size.
 */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

function refuse(response: ServerResponse, status: 411 | 413, message: string) {
  // The body is left unread: close the connection rather than read it to reuse it.
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(message), Connection: "close" });
  response.end(message);
}

/**
 * Answers a request whose body is larger than MAX_BODY_BYTES, or of no stated
 * length, before anything reads it; returns whether it did. Node's parser
 * holds a body to its Content-Length, so a stated length within the limit
 * bounds what Next will buffer. Browsers state the length of every body they
 * send (a server action's too); only a chunked upload has none.
 */
export function refuseOversizeBody(request: IncomingMessage, response: ServerResponse): boolean {
  const length = request.headers["content-length"];
  if (length === undefined) {
    if (request.headers["transfer-encoding"] === undefined) return false; // no body
    refuse(response, 411, "Send the request's length (Content-Length): bodies of unknown length are not accepted.\n");
    return true;
  }
  if (Number(length) <= MAX_BODY_BYTES) return false;
  refuse(response, 413, `That request is too large: Dossier accepts at most ${MAX_BODY_BYTES / 1024 / 1024} MB.\n`);
  return true;
}
