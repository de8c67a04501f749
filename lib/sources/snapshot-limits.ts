/**
 * How large a snapshot may be. It imports nothing, so server.ts (which
 * refuses a larger body before anything reads it), the upload route and the
 * browser's form read the same number.
 */
export const MAX_SNAPSHOT_BYTES = 20 * 1024 * 1024;

/** "20 MB", for sentences. */
export const MAX_SNAPSHOT_SIZE_WORDS = `${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB`;

/** The upload route: a source's snapshots, `/t/<team>/sources/<id>/snapshots`. */
export const SNAPSHOT_UPLOAD_PATH = /^\/t\/[^/?#]+\/sources\/[^/?#]+\/snapshots\/?(?:\?.*)?$/;

/**
 * The header that carries the file's name (percent-encoded; empty for a
 * pasted excerpt). The route requires it: a header of its own cannot be sent
 * by another site's form, and another site's script must first ask (CORS),
 * which is never granted.
 */
export const SNAPSHOT_NAME_HEADER = "x-snapshot-name";
