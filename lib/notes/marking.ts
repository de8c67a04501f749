import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { notes, reviews, type Note } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { badRequest, notFound } from "@/lib/errors";
import { tellEditors } from "@/lib/collab/registry";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { highestMarking, TLP_LABELS, type TlpLevel } from "@/lib/tradecraft/tlp";

/**
 * Sets the handling marking its author gives a note (TLP), recorded; the
 * same marking again writes nothing. The banner is the highest of this and
 * the body's portion marks (lib/editor/portion-marks.ts). Its open pages
 * redraw their banner and publish panel. An approval covers the marking the
 * note had: it may be raised, never lowered, until a new review, so an
 * approved brief cannot be made public by lowering its marking alone.
 */
export function setNoteMarking(note: Pick<Note, "id" | "teamId">, marking: TlpLevel, userId: string): Promise<Note> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [current] = await tx.select().from(notes).where(and(eq(notes.id, note.id), eq(notes.teamId, note.teamId))).for("update");
    if (!current) throw notFound("That note");
    if (current.marking === marking) return current;
    const lowered = highestMarking(current.marking, marking) === current.marking;
    // The note's latest review, read here (lib/review imports this folder, not the other way).
    const [review] = await tx.select({ state: reviews.state }).from(reviews).where(eq(reviews.noteId, note.id)).orderBy(desc(reviews.createdAt)).limit(1);
    if (lowered && review?.state === "approved")
      throw badRequest(`This note was approved marked ${TLP_LABELS[current.marking]}: request a new review to lower its marking.`);
    const [updated] = await tx.update(notes).set({ marking, updatedBy: userId, updatedAt: new Date() }).where(eq(notes.id, note.id)).returning();
    await audit({ teamId: note.teamId, userId, action: "note.marking_changed", target: note.id, data: { from: current.marking, to: marking } });
    afterCommit(() => {
      tellEditors(note.id, "review");
      refreshTeamPages(note.teamId);
    });
    return updated;
  });
}
