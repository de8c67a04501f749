import "server-only";
import { z } from "zod";
import type { TeamSession } from "@/lib/auth/session";
import { noteFor } from "@/lib/loaders/open";
import { renameNote } from "@/lib/notes/queries";

export const noteTitle = z.string().trim().max(200, "A title can be at most 200 characters.");

export const renameNoteInput = z.object({ team: z.string(), noteId: z.uuid("That note was not found."), title: noteTitle });

/** Renames a note the member may change: the action of the title field, and of the request its page sends as it goes. */
export async function renameNoteInTeam(input: z.infer<typeof renameNoteInput>, session: TeamSession): Promise<void> {
  await noteFor(session, input.noteId, "update");
  await renameNote(session.team.id, input.noteId, input.title, session.user.id);
}
