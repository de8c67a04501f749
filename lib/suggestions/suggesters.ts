import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberships } from "@/db/schema";
import { can } from "@/lib/policies";
import type { NoteResource } from "@/lib/policies/note";

/**
 * The members of the note's team who may suggest changes to it: a
 * suggestion stamped with anyone else's id (a member since removed, an id
 * that is no one's) is not recorded, notified or credited.
 */
export async function suggestersOf(tx: Executor, note: NoteResource): Promise<Set<string>> {
  const rows = await tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, note.teamId));
  return new Set(rows.filter((row) => can({ userId: row.userId, teamId: note.teamId, role: row.role }, "note.suggest", note)).map((row) => row.userId));
}
