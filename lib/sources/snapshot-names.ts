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

/**
 * What a download is called: the uploaded name with the extension of the type
 * its content was found to be (a text file uploaded as "run.bat" is saved as
 * "run.bat.txt", so opening it never runs it), or "excerpt-<date>.txt" for a
 * pasted excerpt.
 */
export function downloadName(snapshot: { fileName: string | null; mediaType: string; capturedAt: Date }): string {
  const extension = EXTENSIONS[snapshot.mediaType] ?? ".bin";
  if (!snapshot.fileName) return `excerpt-${snapshot.capturedAt.toISOString().slice(0, 10)}${extension}`;
  const alreadyRight = snapshot.fileName.toLowerCase().endsWith(extension) || (extension === ".jpg" && /\.jpeg$/i.test(snapshot.fileName));
  return alreadyRight ? snapshot.fileName : `${snapshot.fileName}${extension}`;
}
