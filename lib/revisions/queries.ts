import "server-only";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { editions, revisions, users, type Revision } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { notFound } from "@/lib/errors";
import { getTeamNote } from "@/lib/notes/queries";
import { recordRevision } from "./create";

type RevisionSummary = Omit<Revision, "content" | "ydoc" | "text"> & {
  /** The edition a "publish" revision was published as. */
  editionNumber: number | null;
};

const summaryColumns = {
  id: revisions.id,
  noteId: revisions.noteId,
  teamId: revisions.teamId,
  reason: revisions.reason,
  name: revisions.name,
  namedBy: revisions.namedBy,
  title: revisions.title,
  contributors: revisions.contributors,
  wordsAdded: revisions.wordsAdded,
  wordsRemoved: revisions.wordsRemoved,
  createdBy: revisions.createdBy,
  createdAt: revisions.createdAt,
  editionNumber: editions.number,
};

/** A note's revisions, newest first; with `namedOnly`, the named ones. */
export async function listRevisions(teamId: string, noteId: string, options: { namedOnly?: boolean } = {}): Promise<RevisionSummary[]> {
  return db()
    .select(summaryColumns)
    .from(revisions)
    .leftJoin(editions, eq(editions.revisionId, revisions.id))
    .where(and(eq(revisions.teamId, teamId), eq(revisions.noteId, noteId), options.namedOnly ? isNotNull(revisions.name) : undefined))
    .orderBy(desc(revisions.createdAt));
}

/** A revision of this note of this team; anything else is "not found". */
export async function getRevision(teamId: string, noteId: string, revisionId: string): Promise<Revision> {
  const [revision] = await db()
    .select()
    .from(revisions)
    .where(and(eq(revisions.id, revisionId), eq(revisions.noteId, noteId), eq(revisions.teamId, teamId)));
  if (!revision) throw notFound("That revision");
  return revision;
}

/** Names a revision (or takes its name away); the caller's history page shows it at once. */
export async function nameRevision(teamId: string, noteId: string, revisionId: string, name: string | null, userId: string) {
  await runCommand(async ({ tx, afterCommit }) => {
    const updated = await tx
      .update(revisions)
      .set({ name, namedBy: name ? userId : null })
      .where(and(eq(revisions.id, revisionId), eq(revisions.noteId, noteId), eq(revisions.teamId, teamId)))
      .returning({ id: revisions.id });
    if (updated.length === 0) throw notFound("That revision");
    afterCommit(() => refreshTeamPages(teamId));
  });
}

/** Keeps the note of the team as it is now as a named revision ("sent to review"). */
export async function saveNamedVersion(teamId: string, noteId: string, userId: string, name: string): Promise<Revision | null> {
  const note = await getTeamNote(teamId, noteId);
  // The note as it is now, edits not yet stored included (lib/collab/current-body.ts).
  const snapshot = { title: note.title, ...(await currentBody(noteId)) };
  return runCommand(async ({ tx, afterCommit }) => {
    const revision = await recordRevision(noteId, { reason: "named", userId, name, snapshot }, tx);
    afterCommit(() => refreshTeamPages(teamId));
    return revision;
  });
}

/** Display names for user ids (contributors, namers). */
export async function userNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row.name]));
}
