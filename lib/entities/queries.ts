import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { entities, entityRelations, notes, noteEntities, type Entity } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { conflict, notFound } from "@/lib/errors";
import { setEntityTags } from "@/lib/tags/queries";
import { entityKind, kindsPhrase, OCCASION_KINDS, PARTICIPANT_KINDS, type EntityKind } from "@/lib/entity-kinds";
import { claimNames } from "./names";
import { entityColumns } from "./columns";
import type { EntityInput } from "./validation";
import type { ListView, SortColumns } from "@/lib/lists/list-view";

export type { EntityInput };

/** Creates an actor or event. `id` lets the editor name a new entity before the server has it. */
export async function createEntity(teamId: string, userId: string, input: EntityInput, tx?: Executor, id?: string): Promise<Entity> {
  const run = async (t: Executor) => {
    const [entity] = await t
      .insert(entities)
      .values({ id, teamId, kind: input.kind, createdBy: userId, ...entityColumns(input) })
      .onConflictDoNothing({ target: entities.id })
      .returning();
    if (!entity) throw conflict("That entry could not be created; please try again.");
    await claimNames(t, entity, [input.name, ...input.aliases]);
    await setEntityTags(teamId, entity.id, input.tags, t);
    return entity;
  };
  return tx ? run(tx) : db().transaction(run);
}

/** Changes an actor or event; the caller's pages of the team show it at once. */
export async function updateEntity(teamId: string, id: string, input: EntityInput): Promise<Entity> {
  return runCommand(async ({ tx, afterCommit }) => {
    const current = await getEntity(teamId, id, tx);
    if (current.kind !== input.kind) throw notFound(`That ${entityKind(input.kind).label.one}`);
    const [entity] = await tx
      .update(entities)
      .set({ ...entityColumns(input), updatedAt: new Date() })
      .where(eq(entities.id, id))
      .returning();
    await claimNames(tx, entity, [input.name, ...input.aliases]);
    await setEntityTags(teamId, id, input.tags, tx);
    afterCommit(() => refreshTeamPages(teamId));
    return entity;
  });
}

/**
 * The entity if it belongs to the team (and is of one of `kinds`, when
 * given); another team's entity is "not found".
 */
export async function getEntity(teamId: string, id: string, tx: Executor = db(), kinds?: EntityKind | readonly EntityKind[]): Promise<Entity> {
  const wanted = kinds === undefined ? undefined : typeof kinds === "string" ? [kinds] : kinds;
  const [entity] = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.id, id), eq(entities.teamId, teamId), wanted ? inArray(entities.kind, [...wanted]) : undefined));
  if (!entity) throw notFound(wanted ? `That ${kindsPhrase(wanted, "one", "or")}` : "That entry");
  return entity;
}

/** Dated kinds (events) newest first, the others (actors) by name. */
const listOrder = (kind: EntityKind) =>
  entityKind(kind).details === "dated" ? sql`${entities.startsOn} desc nulls last` : asc(sql`lower(${entities.name})`);

/** Id and name of each of the team's actors or events, for filter menus. */
export function entityOptions(teamId: string, kind: EntityKind) {
  return db()
    .select({ id: entities.id, name: entities.name })
    .from(entities)
    .where(and(eq(entities.teamId, teamId), eq(entities.kind, kind)))
    .orderBy(listOrder(kind))
    .limit(500);
}

/** Entities whose name or an alias contains the fragment (no condition for none). */
function nameContains(fragment: string | undefined): SQL | undefined {
  const query = fragment?.trim();
  if (!query) return undefined;
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(entities.name, pattern), sql`exists (select 1 from unnest(${entities.aliases}) a where a ilike ${pattern})`);
}

/** The team's actors or events, filtered by a name or alias fragment. */
export async function listEntities(teamId: string, kind: EntityKind, options: { query?: string; limit?: number } = {}) {
  return db()
    .select()
    .from(entities)
    .where(and(eq(entities.teamId, teamId), eq(entities.kind, kind), nameContains(options.query)))
    .orderBy(listOrder(kind))
    .limit(options.limit ?? 500);
}

export type EntitySort = "name" | "detail";

/** The list page's columns: the name, and the kind's detail (an actor's kind, an event's date). */
export const entitySorts = (kind: EntityKind): SortColumns<EntitySort> => {
  const spec = entityKind(kind);
  return { name: { label: spec.columns[0], first: "asc" }, detail: { label: spec.columns[1], first: spec.details === "dated" ? "desc" : "asc" } };
};

/** One page of the list page's actors or events, sorted as asked (the unknown last either way), and how many match. */
export async function entityListPage(teamId: string, kind: EntityKind, query: string | undefined, view: ListView<EntitySort>) {
  const where = and(eq(entities.teamId, teamId), eq(entities.kind, kind), nameContains(query));
  const direction = view.direction === "asc" ? sql`asc` : sql`desc`;
  const name = sql`lower(${entities.name}) ${direction}`;
  const detail = entityKind(kind).details === "dated" ? sql`${entities.startsOn} ${direction} nulls last` : sql`${entities.actorType} ${direction} nulls last`;
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select()
      .from(entities)
      .where(where)
      .orderBy(...(view.sort === "name" ? [name] : [detail, sql`lower(${entities.name}) asc`]), asc(entities.id))
      .limit(view.limit)
      .offset(view.offset),
    db().select({ total: count() }).from(entities).where(where),
  ]);
  return { rows, total };
}

/**
 * One page of the same list, by name (any kind) then id, after the last
 * (name, id) of the page before: every entity once, whatever is added meanwhile.
 */
export async function entityPage(teamId: string, kind: EntityKind, options: { query?: string; after?: readonly [string, string]; limit: number }) {
  const sortName = sql<string>`lower(${entities.name})`;
  return db()
    .select({ entity: entities, sortName })
    .from(entities)
    .where(
      and(
        eq(entities.teamId, teamId),
        eq(entities.kind, kind),
        nameContains(options.query),
        options.after ? sql`(lower(${entities.name}), ${entities.id}) > (${options.after[0]}, ${options.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(sortName), asc(entities.id))
    .limit(options.limit);
}

/** Names for the editor: current name and kind of each entity id of the team. */
export async function entityDirectory(teamId: string) {
  return db()
    .select({ id: entities.id, kind: entities.kind, name: entities.name, aliases: entities.aliases })
    .from(entities)
    .where(eq(entities.teamId, teamId))
    .orderBy(asc(entities.name));
}

/**
 * Notes that mention the entity as they are now, drafts included, with the
 * sentences around the mentions. Readers get publishedBacklinks instead.
 */
export async function backlinks(teamId: string, entityId: string) {
  return db()
    .select({ noteId: notes.id, title: notes.title, status: notes.status, updatedAt: notes.updatedAt, mentions: noteEntities.mentions, snippets: noteEntities.snippets })
    .from(noteEntities)
    .innerJoin(notes, eq(notes.id, noteEntities.noteId))
    .where(and(eq(noteEntities.entityId, entityId), eq(noteEntities.teamId, teamId)))
    .orderBy(desc(notes.updatedAt));
}

const other = alias(entities, "other");

/** Entities mentioned in the same notes as this one, most shared notes first. */
export async function coMentioned(teamId: string, entityId: string, limit = 20) {
  const mine = alias(noteEntities, "mine");
  const theirs = alias(noteEntities, "theirs");
  return db()
    .select({ id: other.id, kind: other.kind, name: other.name, notes: sql<number>`count(*)::int` })
    .from(mine)
    .innerJoin(theirs, and(eq(theirs.noteId, mine.noteId), sql`${theirs.entityId} <> ${mine.entityId}`))
    .innerJoin(other, eq(other.id, theirs.entityId))
    .where(and(eq(mine.entityId, entityId), eq(mine.teamId, teamId)))
    .groupBy(other.id, other.kind, other.name)
    .orderBy(desc(sql`count(*)`), asc(other.name))
    .limit(limit);
}

/**
 * A participant's occasions, earliest first (an actor's timeline of events),
 * or an occasion's participants by name (an event's actors), with their role.
 */
export async function participation(teamId: string, entity: Entity) {
  const takesPart = entityKind(entity.kind).participation === "participant";
  return db()
    .select({ relationId: entityRelations.id, role: entityRelations.role, entity: other })
    .from(entityRelations)
    .innerJoin(other, eq(other.id, takesPart ? entityRelations.eventId : entityRelations.actorId))
    .where(and(eq(entityRelations.teamId, teamId), eq(takesPart ? entityRelations.actorId : entityRelations.eventId, entity.id)))
    .orderBy(takesPart ? sql`${other.startsOn} asc nulls last` : asc(other.name));
}

/** Records that a participant (an actor) takes part in an occasion (an event); entity_relations keeps them as actor_id and event_id. */
export async function addParticipant(teamId: string, eventId: string, actorId: string, role: string) {
  await getEntity(teamId, eventId, db(), OCCASION_KINDS);
  await getEntity(teamId, actorId, db(), PARTICIPANT_KINDS);
  await db()
    .insert(entityRelations)
    .values({ teamId, eventId, actorId, role })
    .onConflictDoUpdate({ target: [entityRelations.actorId, entityRelations.eventId], set: { role, updatedAt: new Date() } });
}

export async function removeParticipant(teamId: string, relationId: string) {
  const removed = await db()
    .delete(entityRelations)
    .where(and(eq(entityRelations.id, relationId), eq(entityRelations.teamId, teamId)))
    .returning({ id: entityRelations.id });
  if (removed.length === 0) throw notFound("That participant");
}

/** Ids among these that are entities of the team (mentions of anything else are dropped). */
export async function teamEntityIds(teamId: string, ids: string[], tx: Executor = db()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: entities.id })
    .from(entities)
    .where(and(eq(entities.teamId, teamId), inArray(entities.id, ids)));
  return new Set(rows.map((row) => row.id));
}
