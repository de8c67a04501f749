/** How a user may write to a note now: edit it, add their own suggestions only, or neither. */
export type WriteMode = "edit" | "suggest";

/** What the page, rendered by the server, says this user may do: the socket has the last word. */
export function writeModeOf(page: { readOnly: boolean; canSuggest: boolean }): WriteMode | null {
  return !page.readOnly ? "edit" : page.canSuggest ? "suggest" : null;
}

/**
 * Whether changes stored while the user could write in `storedIn` may still
 * be sent: an editor may send anything; a suggester only what was made as
 * suggestions. The server checks again; this keeps refused edits out of the
 * editor, where they would show as if they were the note.
 */
export function mayStillWrite(storedIn: WriteMode, now: WriteMode | null): boolean {
  return now === "edit" || (now === "suggest" && storedIn === "suggest");
}
