import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { entities, entityRelations, entityTags, notes, noteEntities, noteTags, tags, type Entity } from "@/db/schema";
import { DATED_KINDS } from "@/lib/entity-kinds";

export interface ViewFilters {
  /** Only what this participant (an actor) takes part in. */
  participantId?: string;
  tag?: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
}

const tagged = (tag: string, teamId: string) =>
  sql`exists (select 1 from ${entityTags} et join ${tags} t on t.id = et.tag_id where et.entity_id = ${entities.id} and t.team_id = ${teamId} and lower(t.name) = ${tag.toLowerCase()})`;

/** The team's entities of dated kinds (events) that have a date, oldest first, with how many notes mention each. */
export async function timelineEntries(teamId: string, filters: ViewFilters) {
  return db()
    .select({
      id: entities.id,
      kind: entities.kind,
      name: entities.name,
      startsOn: entities.startsOn,
      endsOn: entities.endsOn,
      datePrecision: entities.datePrecision,
      place: entities.place,
      notes: sql<number>`(select count(*)::int from ${noteEntities} ne where ne.entity_id = ${entities.id})`,
    })
    .from(entities)
    .where(
      and(
        eq(entities.teamId, teamId),
        inArray(entities.kind, [...DATED_KINDS]),
        isNotNull(entities.startsOn),
        filters.from ? gte(sql`coalesce(${entities.endsOn}, ${entities.startsOn})`, filters.from) : undefined,
        filters.to ? lte(entities.startsOn, filters.to) : undefined,
        filters.tag ? tagged(filters.tag, teamId) : undefined,
        filters.participantId
          ? sql`exists (select 1 from ${entityRelations} r where r.event_id = ${entities.id} and r.actor_id = ${filters.participantId})`
          : undefined,
      ),
    )
    .orderBy(asc(entities.startsOn), asc(entities.name));
}

export interface ChartEdge {
  source: string;
  target: string;
  /** Notes that mention both ends. */
  notes: { id: string; title: string }[];
  /** The actor's role in the event, when the edge is a participation. */
  participation: string | null;
}

export interface ChartData {
  nodes: Pick<Entity, "id" | "kind" | "name">[];
  edges: ChartEdge[];
}

const MAX_NOTES = 2_000;

/**
 * The link chart: actors and events joined by participation and by being
 * mentioned in the same notes (weight = number of notes). The tag and date
 * range select the notes (tag, last edit) and the events (dates).
 */
export async function linkChart(teamId: string, filters: ViewFilters): Promise<ChartData> {
  const noteRows = await db()
    .select({ id: notes.id, title: notes.title })
    .from(notes)
    .where(
      and(
        eq(notes.teamId, teamId),
        filters.from ? gte(notes.updatedAt, new Date(filters.from)) : undefined,
        filters.to ? lte(notes.updatedAt, new Date(`${filters.to}T23:59:59.999Z`)) : undefined,
        filters.tag
          ? sql`exists (select 1 from ${noteTags} nt join ${tags} t on t.id = nt.tag_id where nt.note_id = ${notes.id} and lower(t.name) = ${filters.tag.toLowerCase()})`
          : undefined,
      ),
    )
    .limit(MAX_NOTES);
  const titles = new Map(noteRows.map((n) => [n.id, n.title || "Untitled"]));
  const links = titles.size
    ? await db()
        .select({ noteId: noteEntities.noteId, entityId: noteEntities.entityId })
        .from(noteEntities)
        .where(inArray(noteEntities.noteId, [...titles.keys()]))
    : [];

  const edges = new Map<string, ChartEdge>();
  const edge = (a: string, b: string) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    if (!edges.has(key)) edges.set(key, { source, target, notes: [], participation: null });
    return edges.get(key)!;
  };

  const byNote = new Map<string, string[]>();
  for (const { noteId, entityId } of links) byNote.set(noteId, [...(byNote.get(noteId) ?? []), entityId]);
  for (const [noteId, ids] of byNote) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) edge(ids[i], ids[j]).notes.push({ id: noteId, title: titles.get(noteId)! });
  }

  const relations = await db()
    .select({ actorId: entityRelations.actorId, eventId: entityRelations.eventId, role: entityRelations.role })
    .from(entityRelations)
    .innerJoin(entities, eq(entities.id, entityRelations.eventId))
    .where(
      and(
        eq(entityRelations.teamId, teamId),
        filters.from ? gte(sql`coalesce(${entities.endsOn}, ${entities.startsOn})`, filters.from) : undefined,
        filters.to ? lte(entities.startsOn, filters.to) : undefined,
        filters.tag ? tagged(filters.tag, teamId) : undefined,
      ),
    );
  for (const relation of relations) edge(relation.actorId, relation.eventId).participation = relation.role || "takes part";

  const ids = [...new Set([...edges.values()].flatMap((e) => [e.source, e.target]))];
  const nodes = ids.length
    ? await db()
        .select({ id: entities.id, kind: entities.kind, name: entities.name })
        .from(entities)
        .where(and(eq(entities.teamId, teamId), inArray(entities.id, ids)))
    : [];
  const known = new Set(nodes.map((n) => n.id));
  return {
    nodes,
    edges: [...edges.values()]
      .filter((e) => known.has(e.source) && known.has(e.target))
      .sort((a, b) => b.notes.length - a.notes.length),
  };
}
