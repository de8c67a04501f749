import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_SNAPSHOT_BYTES, SNAPSHOT_NAME_HEADER } from "./snapshot-limits";
import { attachmentDisposition, downloadName } from "./snapshot-names";
import { attachSnapshot, SnapshotTooLarge } from "./snapshots";

/**
 * Reads a request body up to `limit` bytes, counting as it goes: past the
 * limit it stops reading, cancels the stream and throws, so a body of no
 * stated length (or a false one) is never held in memory beyond the limit.
 */
export async function readWithin(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new SnapshotTooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The file name the browser sent, percent-encoded in its header; null for a pasted excerpt. */
function nameFrom(header: string): string | null {
  try {
    return decodeURIComponent(header) || null;
  } catch {
    return null;
  }
}

/**
 * Takes a snapshot upload for a source the caller may update: the file's own
 * bytes as the body (not multipart, so its size is counted as it streams in
 * and nothing needs parsing), its name in a header. The stated length is
 * checked before a byte is read; the bytes are counted while reading.
 */
export async function receiveSnapshot(request: Request, target: { teamId: string; userId: string; sourceId: string }): Promise<Response> {
  const nameHeader = request.headers.get(SNAPSHOT_NAME_HEADER);
  if (nameHeader === null) return answer(400, { error: "Attach a snapshot from the source's page." });
  const stated = Number(request.headers.get("content-length") ?? NaN);
  try {
    if (stated > MAX_SNAPSHOT_BYTES) throw new SnapshotTooLarge();
    const content = await readWithin(request.body, MAX_SNAPSHOT_BYTES);
    const snapshot = await attachSnapshot(target.teamId, target.userId, target.sourceId, { fileName: nameFrom(nameHeader), content });
    return answer(200, { snapshot });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return answer(error instanceof SnapshotTooLarge ? 413 : error.status, { error: error.message });
  }
}

/**
 * A snapshot served back, only ever as a download: never rendered in the
 * app's origin. HTML goes as bytes (application/octet-stream), the type is
 * not to be sniffed, and a browser that opens it anyway sandboxes it.
 */
export function snapshotDownload(snapshot: { fileName: string | null; mediaType: string; capturedAt: Date; content: Uint8Array }): Response {
  const type = snapshot.mediaType === "text/html" ? "application/octet-stream" : snapshot.mediaType === "text/plain" ? "text/plain; charset=utf-8" : snapshot.mediaType;
  return new Response(Buffer.from(snapshot.content), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(snapshot.content.byteLength),
      "Content-Disposition": attachmentDisposition(downloadName(snapshot)),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
