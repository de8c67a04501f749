import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getTeamNote } from "@/lib/notes/queries";

/** Runs a lookup, turning "not found" into the 404 page. */
export async function orNotFound<T>(lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * For the history pages: the note's team membership and the note. Readers
 * cannot see history (drafts never reach them); other teams get a 404.
 */
export async function openNoteHistory(slug: string, noteId: string, ...revisionIds: (string | undefined)[]) {
  const session = await requireTeam(slug);
  if (!can.readDrafts(session.role)) notFound();
  for (const id of [noteId, ...revisionIds]) if (id !== undefined && !z.uuid().safeParse(id).success) notFound();
  const note = await orNotFound(() => getTeamNote(session.team.id, noteId));
  return { ...session, note };
}
