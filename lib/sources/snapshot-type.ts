import { fileTypeFromBuffer } from "file-type";

/** The types a snapshot may be, decided by its content, never by its name. */
export const SNAPSHOT_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/html", "text/plain"] as const;
export type SnapshotMediaType = (typeof SNAPSHOT_MEDIA_TYPES)[number];

const BINARY_TYPES = new Set<string>(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export const REFUSED_TYPE =
  "That file is not a PDF, an HTML page, an image (PNG, JPEG, GIF, WebP) or plain text, whatever its name says, so it was not attached.";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Text: valid UTF-8 with no NUL byte (binary formats are full of them). */
function asText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** An HTML page starts, past a byte-order mark, white space and comments, with a doctype or an <html> tag. */
const HTML_START = /^\uFEFF?(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html[\s>])/i;

/**
 * What the bytes are, among the accepted types, or null when they are none of
 * them (an executable renamed `.pdf`, an archive, a font, text that is not
 * UTF-8). Binary formats are read by their signatures (the `file-type`
 * package); anything it names that is not accepted is refused, not guessed
 * again as text.
 */
export async function detectSnapshotType(bytes: Uint8Array): Promise<SnapshotMediaType | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  if (found) return BINARY_TYPES.has(found.mime) ? (found.mime as SnapshotMediaType) : null;
  const text = asText(bytes);
  if (text === null) return null;
  return HTML_START.test(text.slice(0, 4096)) ? "text/html" : "text/plain";
}
