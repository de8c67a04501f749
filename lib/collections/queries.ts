import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { collections, notes, teams, type Collection } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { badRequest, notFound } from "@/lib/errors";

/** More would be a sidebar nobody reads; tags and search sort the rest. */
export const MAX_COLLECTIONS_PER_TEAM = 50;

export interface CollectionSummary {
  id: string;
  name: string;
  /** How many of the team's notes are filed in it. */
  notes: number;
}

/** The team's collections in their order, each with how many notes it holds. */
export async function listCollections(teamId: string): Promise<CollectionSummary[]> {
  return db()
    .select({ id: collections.id, name: collections.name, notes: sql<number>`count(${notes.id})::int` })
    .from(collections)
    .leftJoin(notes, eq(notes.collectionId, collections.id))
    .where(eq(collections.teamId, teamId))
    .groupBy(collections.id)
    .orderBy(asc(collections.position), asc(collections.createdAt));
}

/** One of the team's collections; another team's is not found. */
export async function findCollection(teamId: string, collectionId: string): Promise<Collection> {
  const [collection] = await db()
    .select()
    .from(collections)
    .where(and(eq(collections.id, collectionId), eq(collections.teamId, teamId)));
  if (!collection) throw notFound("That collection");
  return collection;
}

type Tx = Parameters<Parameters<typeof runCommand>[0]>[0]["tx"];

/** The team's row, locked: two changes to its collections at once are made one after the other. */
const lockTeam = (tx: Tx, teamId: string) => tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");

async function refuseTakenName(tx: Tx, teamId: string, name: string, except?: string) {
  const [taken] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.teamId, teamId), sql`lower(${collections.name}) = lower(${name})`));
  if (taken && taken.id !== except) throw badRequest(`The team already has a collection named “${name}”; choose another name.`);
}

/** A new collection, last in the team's order; recorded. */
export function createCollection(teamId: string, userId: string, name: string): Promise<Collection> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    await lockTeam(tx, teamId);
    await refuseTakenName(tx, teamId, name);
    const [{ n, last }] = await tx
      .select({ n: count(), last: sql<number>`coalesce(max(${collections.position}), -1)::int` })
      .from(collections)
      .where(eq(collections.teamId, teamId));
    if (n >= MAX_COLLECTIONS_PER_TEAM) throw badRequest(`A team may have at most ${MAX_COLLECTIONS_PER_TEAM} collections; delete one first.`);
    const [collection] = await tx.insert(collections).values({ teamId, name, position: last + 1, createdBy: userId }).returning();
    await audit({ teamId, userId, action: "collection.created", target: collection.id, data: { title: name } });
    afterCommit(() => refreshTeamPages(teamId));
    return collection;
  });
}

export function renameCollection(teamId: string, collectionId: string, name: string): Promise<void> {
  return runCommand(async ({ tx, afterCommit }) => {
    await lockTeam(tx, teamId);
    await refuseTakenName(tx, teamId, name, collectionId);
    const renamed = await tx
      .update(collections)
      .set({ name, updatedAt: new Date() })
      .where(and(eq(collections.id, collectionId), eq(collections.teamId, teamId)))
      .returning({ id: collections.id });
    if (renamed.length === 0) throw notFound("That collection");
    afterCommit(() => refreshTeamPages(teamId));
  });
}

/** Deletes a collection; its notes stay, in no collection. Recorded. */
export function deleteCollection(teamId: string, userId: string, collectionId: string): Promise<void> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [deleted] = await tx
      .delete(collections)
      .where(and(eq(collections.id, collectionId), eq(collections.teamId, teamId)))
      .returning({ id: collections.id, name: collections.name });
    if (!deleted) throw notFound("That collection");
    await audit({ teamId, userId, action: "collection.deleted", target: deleted.id, data: { title: deleted.name } });
    afterCommit(() => refreshTeamPages(teamId));
  });
}

/**
 * Moves a collection to `index` in the team's order (0 is first; past the
 * end is last), the others closing up around it: what a drag in the sidebar,
 * or Alt+Arrow on a collection, asks for.
 */
export function moveCollection(teamId: string, collectionId: string, index: number): Promise<void> {
  return runCommand(async ({ tx, afterCommit }) => {
    await lockTeam(tx, teamId);
    const order = await tx
      .select({ id: collections.id })
      .from(collections)
      .where(eq(collections.teamId, teamId))
      .orderBy(asc(collections.position), asc(collections.createdAt));
    const from = order.findIndex((row) => row.id === collectionId);
    if (from === -1) throw notFound("That collection");
    const [moved] = order.splice(from, 1);
    order.splice(Math.max(0, Math.min(index, order.length)), 0, moved);
    for (const [position, row] of order.entries()) await tx.update(collections).set({ position }).where(eq(collections.id, row.id));
    afterCommit(() => refreshTeamPages(teamId));
  });
}

/**
 * Files one of the team's notes in one of its collections, last in its order,
 * or in none (`collectionId` null). The note's text is untouched, so it is not
 * an edit: the note keeps its last-edited time. Filing it where it already is
 * leaves its place.
 */
export function fileNote(teamId: string, noteId: string, collectionId: string | null): Promise<void> {
  return runCommand(async ({ tx, afterCommit }) => {
    const [note] = await tx
      .select({ collectionId: notes.collectionId })
      .from(notes)
      .where(and(eq(notes.id, noteId), eq(notes.teamId, teamId)));
    if (!note) throw notFound("That note");
    if (note.collectionId === collectionId) return;
    let position: number | null = null;
    if (collectionId !== null) {
      await lockCollection(tx, teamId, collectionId);
      const [{ last }] = await tx
        .select({ last: sql<number>`coalesce(max(${notes.collectionPosition}), -1)::int` })
        .from(notes)
        .where(eq(notes.collectionId, collectionId));
      position = last + 1;
    }
    await tx.update(notes).set({ collectionId, collectionPosition: position }).where(eq(notes.id, noteId));
    afterCommit(() => refreshTeamPages(teamId));
  });
}

/** One of the team's collections, its row locked: changes to one collection's order are made one after the other. */
async function lockCollection(tx: Tx, teamId: string, collectionId: string) {
  const [collection] = await tx
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.id, collectionId), eq(collections.teamId, teamId)))
    .for("update");
  if (!collection) throw notFound("That collection");
}

/** The notes of a collection in its own order: moves count in it, and the notes list's places (its "Order" column) too. */
export const collectionOrder = [asc(notes.collectionPosition), desc(notes.updatedAt), asc(notes.id)];

/**
 * Moves a note to `index` in its collection's order (0 is first; past the end
 * is last), the others closing up around it: a drag in the collection's list,
 * or Alt+Arrow on a note there. A note not in that collection is not found.
 */
export function moveNoteInCollection(teamId: string, collectionId: string, noteId: string, index: number): Promise<void> {
  return runCommand(async ({ tx, afterCommit }) => {
    await lockCollection(tx, teamId, collectionId);
    const order = await tx.select({ id: notes.id }).from(notes).where(eq(notes.collectionId, collectionId)).orderBy(...collectionOrder);
    const from = order.findIndex((row) => row.id === noteId);
    if (from === -1) throw notFound("That note in this collection");
    const [moved] = order.splice(from, 1);
    order.splice(Math.max(0, Math.min(index, order.length)), 0, moved);
    // One statement for the whole order: a collection of hundreds is one round trip.
    await tx.execute(sql`update ${notes} set collection_position = ordered.position
      from (select id, (ordinality - 1)::int as position from unnest(${sql`array[${sql.join(order.map((row) => sql`${row.id}`), sql`, `)}]::uuid[]`}) with ordinality as t(id, ordinality)) as ordered
      where ${notes.id} = ordered.id and ${notes.collectionId} = ${collectionId}`);
    afterCommit(() => refreshTeamPages(teamId));
  });
}
