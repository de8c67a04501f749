import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { noteStars, type Note } from "@/db/schema";
import { refreshTeamPages } from "@/lib/commands/page-refresh";

/**
 * Stars a note for the user, or takes the star away. The caller has loaded
 * the note through the policy (noteFor, `note.read`); starring twice is one
 * star, unstarring what is not starred changes nothing. The caller's pages
 * are refreshed, so the sidebar lists it at once.
 */
export async function setNoteStar(userId: string, note: Pick<Note, "id" | "teamId">, starred: boolean): Promise<void> {
  if (starred) await db().insert(noteStars).values({ userId, noteId: note.id }).onConflictDoNothing();
  else await db().delete(noteStars).where(and(eq(noteStars.userId, userId), eq(noteStars.noteId, note.id)));
  refreshTeamPages(note.teamId);
}

/** Whether the user has starred the note, for its Star button. */
export async function isStarred(userId: string, noteId: string): Promise<boolean> {
  const [row] = await db()
    .select({ noteId: noteStars.noteId })
    .from(noteStars)
    .where(and(eq(noteStars.userId, userId), eq(noteStars.noteId, noteId)))
    .limit(1);
  return row !== undefined;
}
