/**
 * Titles typed in this browser that the server has not yet confirmed, kept in
 * localStorage (one entry per user and note, written on each keystroke) until
 * a save succeeds. A title typed just before the tab closed, the page went or
 * the connection dropped is sent again by the next page of the app that loads
 * (`ResendUnsavedTitles`), and shown again by the note's title field.
 */
const PREFIX = "dossier-title:";

export interface UnsavedTitle {
  team: string;
  noteId: string;
  title: string;
}

const keyOf = (userId: string, noteId: string) => `${PREFIX}${userId}:${noteId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // Storage refused (some private windows): titles are then saved as typed only.
  }
}

function read(key: string): UnsavedTitle | null {
  try {
    const value = JSON.parse(storage()?.getItem(key) ?? "null") as Partial<UnsavedTitle> | null;
    return value && typeof value.team === "string" && typeof value.noteId === "string" && typeof value.title === "string" ? (value as UnsavedTitle) : null;
  } catch {
    return null;
  }
}

export function keepUnsavedTitle(userId: string, entry: UnsavedTitle): void {
  try {
    storage()?.setItem(keyOf(userId, entry.noteId), JSON.stringify(entry));
  } catch {
    // Storage full or refused: the title is still sent as the page goes.
  }
}

export function unsavedTitle(userId: string, noteId: string): UnsavedTitle | null {
  return read(keyOf(userId, noteId));
}

/** Forgets the entry once `title` is saved, unless a later title was typed meanwhile. */
export function savedTitle(userId: string, noteId: string, title: string): void {
  const key = keyOf(userId, noteId);
  if (read(key)?.title === title) storage()?.removeItem(key);
}

function keys(): string[] {
  const store = storage();
  if (!store) return [];
  return Array.from({ length: store.length }, (_, index) => store.key(index) ?? "").filter((key) => key.startsWith(PREFIX));
}

export function unsavedTitlesOf(userId: string): UnsavedTitle[] {
  return keys()
    .filter((key) => key.startsWith(`${PREFIX}${userId}:`))
    .map(read)
    .filter((entry): entry is UnsavedTitle => entry !== null);
}

/** Deletes every user's entries but `keepUserId`'s (all of them without one): at sign-in and sign-out, as the offline edits. */
export function forgetUnsavedTitles(keepUserId?: string): void {
  for (const key of keys()) if (keepUserId === undefined || !key.startsWith(`${PREFIX}${keepUserId}:`)) storage()?.removeItem(key);
}

export type TitleDelivery = "saved" | "refused" | "unsent";

/**
 * Sends a title to the note's title route. `keepalive` lets the request
 * outlive the page that sends it (a server action's request is cancelled with
 * the page). Refused (the note is gone, the user may no longer change it, the
 * title is not valid) is an answer too: sending again would not help.
 */
export async function sendTitle(entry: UnsavedTitle, { keepalive = false } = {}): Promise<TitleDelivery> {
  try {
    const response = await fetch(`/t/${entry.team}/notes/${entry.noteId}/title`, {
      method: "POST",
      keepalive,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ title: entry.title }),
    });
    if (response.ok) return "saved";
    return response.status >= 500 || response.status === 429 ? "unsent" : "refused";
  } catch {
    return "unsent";
  }
}
