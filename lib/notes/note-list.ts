import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { NOTE_STATUSES, notes, users, type NoteStatus } from "@/db/schema";
import { collectionOrder } from "@/lib/collections/queries";
import type { ListView, SortColumns } from "@/lib/lists/list-view";

const editor = alias(users, "editor");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type NoteSort = "position" | "title" | "status" | "edited";
const BY_COLUMN = {
  title: { label: "Title", first: "asc" },
  status: { label: "Status", first: "asc" },
  edited: { label: "Edited", first: "desc" },
} as const;
/** The team's notes list sorts by its columns. */
export const NOTE_SORTS: SortColumns<Exclude<NoteSort, "position">> = BY_COLUMN;
/** A collection's list also by the order its writers gave its notes by hand, which is how it opens. */
export const COLLECTION_NOTE_SORTS: SortColumns<NoteSort> = { position: { label: "Order", first: "asc" }, ...BY_COLUMN };

/** Statuses in the order of the workflow, not of the alphabet. */
const statusOrder = sql`array_position(array[${sql.join(
  NOTE_STATUSES.map((status) => sql`${status}`),
  sql`, `,
)}]::text[], ${notes.status}::text)`;

/** The columns' orders; a collection's own is its places (noteListPage). */
const ORDER: Record<Exclude<NoteSort, "position">, SQL | typeof notes.updatedAt> = {
  title: sql`lower(${notes.title})`,
  status: statusOrder,
  edited: notes.updatedAt,
};

interface NoteFilter {
  status?: NoteStatus;
  /** Only these notes (those waiting for the reader's review); none when empty. */
  ids?: ReadonlySet<string> | null;
  /** Only the notes filed in this collection (one of the team's, checked by the caller). */
  collectionId?: string;
}

/** One page of the team's notes list, filtered and sorted in the database, and how many match in all. */
export async function noteListPage(teamId: string, filter: NoteFilter, view: ListView<NoteSort>) {
  const ids = filter.ids ? [...filter.ids] : null;
  const where = and(
    eq(notes.teamId, teamId),
    filter.status ? eq(notes.status, filter.status) : undefined,
    ids ? (ids.length > 0 ? inArray(notes.id, ids) : sql`false`) : undefined,
    filter.collectionId ? eq(notes.collectionId, filter.collectionId) : undefined,
  );
  const direction = view.direction === "asc" ? asc : desc;
  // In a collection, each note's place in its order, counted over the whole collection (whatever the filter leaves out).
  const places = db()
    .select({ id: notes.id, place: sql<number>`row_number() over (order by ${sql.join(collectionOrder, sql`, `)})::int`.as("place") })
    .from(notes)
    .where(filter.collectionId ? eq(notes.collectionId, filter.collectionId) : sql`false`)
    .as("places");
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select({
        id: notes.id,
        title: notes.title,
        status: notes.status,
        updatedAt: notes.updatedAt,
        updatedByName: editor.name,
        /** Its place in the collection's order, from 1; null outside a collection. */
        place: places.place,
      })
      .from(notes)
      .leftJoin(editor, eq(editor.id, notes.updatedBy))
      .leftJoin(places, eq(places.id, notes.id))
      .where(where)
      // The id settles ties, so a row is on one page only however often the list is paged.
      .orderBy(direction(view.sort === "position" ? places.place : ORDER[view.sort]), direction(notes.id))
      .limit(view.limit)
      .offset(view.offset),
    db().select({ total: count() }).from(notes).where(where),
  ]);
  return { rows, total };
}

/** The titles of some of the team's notes (those just imported), by id; another team's ids name nothing. */
export async function noteTitles(teamId: string, ids: readonly string[]) {
  const wellFormed = ids.filter((id) => UUID.test(id));
  if (wellFormed.length === 0) return [];
  return db()
    .select({ id: notes.id, title: notes.title })
    .from(notes)
    .where(and(eq(notes.teamId, teamId), inArray(notes.id, wellFormed)));
}
