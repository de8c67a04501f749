import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { isSessionActive } from "@/lib/auth/sessions";
import type { NoteAccess } from "@/lib/collab/context";
import { findNoteTeam } from "@/lib/notes/queries";
import { roleInTeam } from "@/lib/teams/queries";
import { findUserById } from "@/lib/users/queries";

const noteId = z.uuid();

/**
 * Reads the user's access to the note from the database: a session still
 * open (a token outlives the request that minted it), a user who exists, a
 * note that exists, a membership of its team with a role that reads drafts.
 * Reviewers read only. Asked when a connection authenticates and again once
 * it is attached to the loaded note.
 */
export async function noteAccess({ userId, sessionId }: { userId: string; sessionId: string }, documentName: string): Promise<NoteAccess> {
  if (!(await isSessionActive(sessionId, userId))) return { allowed: false, reason: "unauthenticated" };
  const user = await findUserById(userId);
  if (!user) return { allowed: false, reason: "unauthenticated" };
  const parsed = noteId.safeParse(documentName);
  const teamId = parsed.success ? await findNoteTeam(parsed.data) : undefined;
  const role = teamId ? await roleInTeam(user.id, teamId) : undefined;
  if (!teamId || !role || !can.readDrafts(role)) return { allowed: false, reason: "not-found" };
  return { allowed: true, userName: user.name, teamId, role, readOnly: !can.editNotes(role) };
}
