/**
 * Where a browser keeps a note's offline edits: one IndexedDB database per
 * user and note, so one person's edits never load into another's editor on a
 * shared browser. The user id is the page's, rendered by the server.
 */
export const OFFLINE_STORE_PREFIX = "dossier:";

export function offlineStoreName(userId: string, noteId: string): string {
  return `${OFFLINE_STORE_PREFIX}${userId}:${noteId}`;
}

/** The user a store belongs to, or null for a database that is not one of ours. */
export function ownerOfStore(name: string): string | null {
  if (!name.startsWith(OFFLINE_STORE_PREFIX)) return null;
  const [userId, noteId, ...rest] = name.slice(OFFLINE_STORE_PREFIX.length).split(":");
  return userId && noteId && rest.length === 0 ? userId : null;
}
