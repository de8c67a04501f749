/** What a snapshot is called when it is downloaded, and the header that says so. */

/** The name as plain ASCII, for browsers that do not read `filename*`. */
const asciiFallback = (name: string) => name.replace(/[^A-Za-z0-9._ -]/g, "_").replace(/^\.+/, "_") || "snapshot";

/** `attachment` with the name in both forms (RFC 6266, RFC 5987): ASCII, and UTF-8 percent-encoded. */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}

const EXTENSIONS: Record<string, string> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "image/webp": ".webp",
  "text/html": ".html",
  "text/plain": ".txt",
};

/** What a download is called: the uploaded name, or "excerpt-<date>.txt" for a pasted excerpt. */
export const downloadName = (snapshot: { fileName: string | null; mediaType: string; capturedAt: Date }) =>
  snapshot.fileName ?? `excerpt-${snapshot.capturedAt.toISOString().slice(0, 10)}${EXTENSIONS[snapshot.mediaType] ?? ""}`;
