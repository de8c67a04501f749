import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { notes, type Note } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { notFound } from "@/lib/errors";

/** A dateline as a form sends it: a day of the calendar (YYYY-MM-DD), or nothing to publish with the day of publishing. */
export const datelineField = z.union([
  z.literal("").transform(() => null),
  z.iso.date("Give the dateline as a day, like 2006-12-20.").refine((day) => day >= "1900-01-01" && day <= "2999-12-31", "Give a dateline between 1900 and 2999."),
]);

/**
 * Sets the day a note speaks of, which its next editions carry as their
 * dateline (null: each is dated the day it is published), recorded in the
 * audit log; the same day again writes nothing.
 */
export function setNoteDateline(note: Pick<Note, "id" | "teamId">, dateline: string | null, userId: string): Promise<Note> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [current] = await tx.select().from(notes).where(and(eq(notes.id, note.id), eq(notes.teamId, note.teamId))).for("update");
    if (!current) throw notFound("That note");
    if (current.dateline === dateline) return current;
    const [updated] = await tx.update(notes).set({ dateline, updatedBy: userId, updatedAt: new Date() }).where(eq(notes.id, note.id)).returning();
    await audit({ teamId: note.teamId, userId, action: "note.dateline_changed", target: note.id, data: { from: current.dateline, to: dateline } });
    afterCommit(() => refreshTeamPages(note.teamId));
    return updated;
  });
}
