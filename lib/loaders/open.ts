import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Note } from "@/db/schema";
import { requireTeam, type TeamSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getTeamNote } from "@/lib/notes/queries";
import { authorize, can, teamScope, type ActionOn, type TeamScopedPermission } from "@/lib/policies";

/**
 * Scoped loaders: a resource is loaded and authorized in one step, so no page
 * or action holds a note it may not have. Pages get the 404 page for anything
 * they may not see (a draft does not exist to a reader); actions get an error
 * sentence (lib/action.ts).
 */

/** Runs a lookup, turning "not found" into the 404 page. */
export async function orNotFound<T>(lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

const uuid = z.uuid();

/** Ids from the URL that are not ids name nothing. */
export function requireIds(...ids: (string | undefined)[]): void {
  for (const id of ids) if (id !== undefined && !uuid.safeParse(id).success) notFound();
}

/** For pages: the member's session if the team policy allows this page, else the 404 page. */
export async function openTeam(slug: string, permission: TeamScopedPermission = "team.read"): Promise<TeamSession> {
  const session = await requireTeam(slug);
  if (!can(session.actor, permission, teamScope(session.team))) notFound();
  return session;
}

/**
 * For pages: the note, if the member may read it (drafts, history), with their
 * session. Other ids on the page (revisions) are checked to be ids too.
 */
export async function openNote(slug: string, noteId: string, ...otherIds: (string | undefined)[]): Promise<TeamSession & { note: Note }> {
  const session = await requireTeam(slug);
  requireIds(noteId, ...otherIds);
  const note = await orNotFound(() => getTeamNote(session.team.id, noteId));
  if (!can(session.actor, "note.read", note)) notFound();
  return { ...session, note };
}

/** For actions: the team's note, authorized for what the action does to it. */
export async function noteFor(session: TeamSession, noteId: string, permission: ActionOn<"note">): Promise<Note> {
  const note = await getTeamNote(session.team.id, noteId);
  authorize(session.actor, `note.${permission}`, note);
  return note;
}
