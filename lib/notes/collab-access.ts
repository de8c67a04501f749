import { z } from "zod";
import { isSessionActive } from "@/lib/auth/sessions";
import type { NoteAccess } from "@/lib/collab/context";
import { findNoteHead } from "@/lib/notes/queries";
import { can } from "@/lib/policies";
import { actorInTeam } from "@/lib/teams/queries";
import { findUserById } from "@/lib/users/queries";

const noteId = z.uuid();

/**
 * Reads the user's access to the note from the database: a session still
 * open (a token outlives the request that minted it), a user who exists, a
 * note that exists, a membership of its team, and the note policy: who may
 * read the note opens it; who may update it edits, who may only suggest
 * (reviewers) writes their own suggestions alone, anyone else reads. Asked when a
 * connection authenticates and again once it is attached to the loaded note.
 */
export async function noteAccess({ userId, sessionId }: { userId: string; sessionId: string }, documentName: string): Promise<NoteAccess> {
  if (!(await isSessionActive(sessionId, userId))) return { allowed: false, reason: "unauthenticated" };
  const user = await findUserById(userId);
  if (!user) return { allowed: false, reason: "unauthenticated" };
  const parsed = noteId.safeParse(documentName);
  const note = parsed.success ? await findNoteHead(parsed.data) : undefined;
  const actor = note ? await actorInTeam(user.id, note.teamId) : null;
  if (!note || !actor || !can(actor, "note.read", note)) return { allowed: false, reason: "not-found" };
  const mode = can(actor, "note.update", note) ? "edit" : can(actor, "note.suggest", note) ? "suggest" : "read";
  return { allowed: true, userName: user.name, teamId: note.teamId, role: actor.role, mode };
}
