import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { noteClients, noteUpdates, revisions, type Note } from "@/db/schema";
import type * as Y from "yjs";
import { currentBody } from "@/lib/collab/current-body";
import type { DocNode } from "@/lib/editor/document";
import { deletesAny, itemsByPosition, itemsIn, writersByPosition, writersOf } from "./attribution";
import { diffDocuments, type DiffChange } from "./diff";
import { getRevision, userNames } from "./queries";

export interface Side {
  label: "revision" | "current";
  revisionId: string | null;
  at: Date;
  content: DocNode;
  ydoc: Uint8Array;
  contributors: string[];
}

interface AttributedChange extends DiffChange {
  /** Who wrote the inserted text; for a pure deletion, who edited in the version that made it. */
  authors: string[];
}

async function side(teamId: string, note: Note, id: string): Promise<Side> {
  if (id === "current") {
    // The text as it is now, edits not yet stored included, and so their writers too.
    const [body, unstoredWriters] = await Promise.all([currentBody(note.id), writersInLog(note.id)]);
    return {
      label: "current",
      revisionId: null,
      at: note.updatedAt,
      content: body.content,
      ydoc: body.ydoc,
      contributors: [...new Set([...note.pendingContributors, ...unstoredWriters])],
    };
  }
  const revision = await getRevision(teamId, note.id, id);
  return { label: "revision", revisionId: revision.id, at: revision.createdAt, content: revision.content, ydoc: revision.ydoc, contributors: revision.contributors };
}

/** Who wrote the updates acknowledged but not yet stored. */
async function writersInLog(noteId: string): Promise<string[]> {
  const rows = await db().selectDistinct({ userId: noteUpdates.userId }).from(noteUpdates).where(and(eq(noteUpdates.noteId, noteId), isNotNull(noteUpdates.userId)));
  return rows.flatMap((row) => (row.userId ? [row.userId] : []));
}

/**
 * The note's versions after `from`, up to and including `to` (all of them,
 * to "current"). A version's time is compared in the database: PostgreSQL
 * keeps microseconds, a JS Date only milliseconds, so a time read back would
 * take `from` itself in and leave `to` out.
 */
function versionsBetween(note: Note, from: Side, to: Side) {
  const timeOf = (revisionId: string) => sql`(select r.created_at from ${revisions} r where r.id = ${revisionId})`;
  return and(
    eq(revisions.noteId, note.id),
    gt(revisions.createdAt, from.revisionId ? timeOf(from.revisionId) : from.at),
    to.revisionId ? lte(revisions.createdAt, timeOf(to.revisionId)) : undefined,
  );
}

/** Everyone who edited after `from` up to and including `to`. */
async function editorsBetween(note: Note, from: Side, to: Side): Promise<string[]> {
  const rows = await db()
    .select({ contributors: revisions.contributors })
    .from(revisions)
    .where(versionsBetween(note, from, to));
  return [...new Set([...rows.flatMap((r) => r.contributors), ...(to.label === "current" ? to.contributors : [])])];
}

/**
 * Who made a deletion of these items between the two sides: the editors of
 * the first stored version after `from` that no longer has them (each
 * version's contributors are those who edited since the version before), or,
 * when none between has deleted them, of the edits since the last version.
 * Only when nothing tells (a state that has lost them some other way) is it
 * everyone who edited in between.
 */
async function deletersOf(note: Note, from: Side, to: Side, deleted: Y.ID[], between: string[]): Promise<string[]> {
  const versions = await db()
    .select({ id: revisions.id, contributors: revisions.contributors })
    .from(revisions)
    .where(versionsBetween(note, from, to))
    .orderBy(asc(revisions.createdAt));
  for (const version of versions) {
    // One state at a time: most deletions are found in the first versions asked.
    const [stored] = await db().select({ ydoc: revisions.ydoc }).from(revisions).where(eq(revisions.id, version.id));
    // A version made before its edits were stored names no one: then only "in between" is known.
    if (stored && deletesAny(stored.ydoc, deleted)) return version.contributors.length > 0 ? version.contributors : between;
  }
  if (to.label === "current" && deletesAny(to.ydoc, deleted) && to.contributors.length > 0) return to.contributors;
  return between;
}

/**
 * Compares two versions of a note (`to` may be "current"), and says who made
 * each change: insertions by the users whose Yjs clients wrote the text, other
 * changes by the people who edited in between.
 */
export async function compareVersions(teamId: string, note: Note, fromId: string, toId: string) {
  const [from, to] = await Promise.all([side(teamId, note, fromId), side(teamId, note, toId)]);
  const diff = diffDocuments(from.content, to.content);

  const writers = writersByPosition(to.ydoc);
  const clientsPerChange = diff.changes.map((change) => writersOf(writers, change.fromB, change.toB));
  const clientIds = [...new Set(clientsPerChange.flatMap((set) => [...set]))];
  const clientUsers = new Map<number, string | null>();
  if (clientIds.length > 0) {
    const rows = await db()
      .select({ clientId: noteClients.clientId, userId: noteClients.userId })
      .from(noteClients)
      .where(and(eq(noteClients.noteId, note.id), inArray(noteClients.clientId, clientIds)));
    for (const row of rows) clientUsers.set(row.clientId, row.userId);
  }
  const between = await editorsBetween(note, from, to);
  const itemsBefore = diff.changes.some((change) => !change.inserted.trim()) ? itemsByPosition(from.ydoc) : [];
  const userIds = await Promise.all(
    diff.changes.map(async (change, i) => {
      const writersOfInsert = [...clientsPerChange[i]].flatMap((client) => clientUsers.get(client) ?? []);
      if (change.inserted.trim() && writersOfInsert.length > 0) return [...new Set(writersOfInsert)];
      if (!change.inserted.trim()) return deletersOf(note, from, to, itemsIn(itemsBefore, change.fromA, change.toA), between);
      return between;
    }),
  );
  const { made, resolved } = diff.suggestions;
  const names = await userNames([...userIds.flat(), ...[...made, ...resolved].map((suggestion) => suggestion.author)]);
  const changes: AttributedChange[] = diff.changes.map((change, i) => ({ ...change, authors: userIds[i].map((id) => names.get(id) ?? "someone") }));
  // Each suggestion with the name of who made it.
  const named = (list: typeof made) => list.map(({ id, summary, author }) => ({ id, summary, author: names.get(author) ?? "someone" }));
  return { from, to, document: diff.document, changes, suggestions: { made: named(made), resolved: named(resolved) } };
}
