import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { unlinkedNameIgnores, type Note, type User } from "@/db/schema";
import { tellEditors } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { getEntity } from "@/lib/entities/queries";
import { unlinkedNameKey } from "@/lib/editor/unlinked";

/** The names a note's writers left as plain text, as `unlinkedNameKey`s, oldest first. */
export async function ignoredUnlinkedNames(noteId: string): Promise<string[]> {
  const rows = await db()
    .select({ entityId: unlinkedNameIgnores.entityId, name: unlinkedNameIgnores.name })
    .from(unlinkedNameIgnores)
    .where(eq(unlinkedNameIgnores.noteId, noteId))
    .orderBy(asc(unlinkedNameIgnores.createdAt));
  return rows.map((row) => unlinkedNameKey(row.entityId, row.name));
}

/**
 * Leaves a name of one of the team's actors or events as plain text on this
 * note: its "Unlinked mentions" no longer offers it, for everyone who opens
 * the note. Ignoring it twice changes nothing.
 */
export async function ignoreUnlinkedName(note: Note, user: Pick<User, "id">, entityId: string, name: string): Promise<void> {
  await getEntity(note.teamId, entityId);
  await runCommand(async ({ tx, afterCommit }) => {
    await tx.insert(unlinkedNameIgnores).values({ noteId: note.id, entityId, name: name.toLocaleLowerCase(), createdBy: user.id }).onConflictDoNothing();
    afterCommit(() => tellEditors(note.id, "unlinked"));
  });
}

/** Offers every name ignored on the note again. */
export async function showIgnoredNamesAgain(note: Note): Promise<void> {
  await runCommand(async ({ tx, afterCommit }) => {
    await tx.delete(unlinkedNameIgnores).where(eq(unlinkedNameIgnores.noteId, note.id));
    afterCommit(() => tellEditors(note.id, "unlinked"));
  });
}
