import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { editionColumns, editionEntities, editions, entityTags, notes, tags, teams, type Edition } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { ListView } from "@/lib/lists/list-view";
import type { BriefSort } from "./brief-sorts";

const live = isNull(editions.withdrawnAt);

/** The edition is its brief's latest live one: the one readers read. */
export const latestLive = sql`${editions.withdrawnAt} is null and ${editions.number} = (select max(x.number) from ${editions} x where x.note_id = ${editions.noteId} and x.withdrawn_at is null)`;

/** The frozen tags (a jsonb list of names) include this one, in any case. */
export const hasFrozenTag = (frozen: SQL | typeof editions.tags, tag: string | SQL) =>
  sql`exists (select 1 from jsonb_array_elements_text(${frozen}) as frozen_tag(name) where lower(frozen_tag.name) = lower(${tag}))`;

/** A note's editions, newest first (withdrawn ones included, marked). */
export async function listEditions(noteId: string): Promise<Edition[]> {
  return db().select(editionColumns).from(editions).where(eq(editions.noteId, noteId)).orderBy(desc(editions.number));
}

/** How many live editions the brief has (the number of its latest one), for a query over editions. */
export const liveTotal = sql<number>`(select max(e.number)::int from ${editions} e where e.note_id = ${editions.noteId} and e.withdrawn_at is null)`;
/** The team's live edition of the note: the latest, or the one numbered. */
export const wantedEdition = (teamSlug: string, noteId: string, number?: number) =>
  and(eq(teams.slug, teamSlug), eq(editions.noteId, noteId), live, number ? eq(editions.number, number) : undefined);

/** The latest edition readers can read, or a given number; withdrawn editions are not found. */
export async function findEdition(teamSlug: string, noteId: string, number?: number) {
  const [row] = await db()
    .select({ edition: editionColumns, team: teams, total: liveTotal })
    .from(editions)
    .innerJoin(teams, eq(teams.id, editions.teamId))
    .where(wantedEdition(teamSlug, noteId, number))
    .orderBy(desc(editions.number))
    .limit(1);
  if (!row) throw notFound("That brief");
  return row;
}

const { content: _headlessContent, text: _headlessText, ...editionHeadColumns } = editionColumns;
export { editionHeadColumns };
/** An edition without its text (large, and read only to draw it: editionContent): what a reading request needs to decide. */
export type EditionHead = Omit<Edition, "content" | "text">;

/** An edition's text, frozen when it was published. */
export async function editionContent(editionId: string): Promise<Edition["content"]> {
  const [row] = await db().select({ content: editions.content }).from(editions).where(eq(editions.id, editionId));
  if (!row) throw notFound("That edition");
  return row.content;
}

/** One live edition of the team, by its id; withdrawn, or another team's, it is not found. */
export async function findTeamEdition(teamId: string, editionId: string): Promise<Edition> {
  const [edition] = await db()
    .select(editionColumns)
    .from(editions)
    .where(and(eq(editions.id, editionId), eq(editions.teamId, teamId), live));
  if (!edition) throw notFound("That edition");
  return edition;
}

interface BriefFilters {
  entityId?: string;
  tag?: string;
}

/** `limit: null`: every brief (a paged list counts and slices them itself). */
type BriefListOptions = BriefFilters & { publicOnly?: boolean; limit?: number | null };

/**
 * The ids of the team's published briefs, newest first: the latest live
 * edition of each (the latest public one, for the public). Filters on content
 * apply to that edition alone, so an older edition never stands in for a newer
 * one that no longer mentions the actor or has the tag; its tags are those it
 * was published with, not the draft's.
 */
function latestLiveEditionIds(teamId: string, options: BriefListOptions) {
  const latest = db()
    .selectDistinctOn([editions.noteId], { id: editions.id, entities: editions.entities, tags: editions.tags, publishedAt: editions.publishedAt })
    .from(editions)
    .innerJoin(notes, eq(notes.id, editions.noteId))
    .where(and(eq(editions.teamId, teamId), live, options.publicOnly ? eq(editions.visibility, "public") : undefined))
    .orderBy(editions.noteId, desc(editions.number))
    .as("latest");
  const filtered = db()
    .select({ id: latest.id })
    .from(latest)
    .where(
      and(
        options.entityId ? sql`${latest.entities} @> ${JSON.stringify([{ id: options.entityId }])}::jsonb` : undefined,
        options.tag ? hasFrozenTag(sql`${latest.tags}`, options.tag) : undefined,
      ),
    )
    .orderBy(desc(latest.publishedAt));
  return options.limit === null ? filtered : filtered.limit(options.limit ?? 200);
}

/** The team's published briefs, newest first, whole (feeds carry their bodies). */
export async function publishedBriefs(teamId: string, options: BriefListOptions = {}) {
  return db()
    .select(editionColumns)
    .from(editions)
    .where(inArray(editions.id, latestLiveEditionIds(teamId, options)))
    .orderBy(desc(editions.publishedAt));
}

/** The start of a brief's text, enough for a front page's excerpt. */
const LISTED_TEXT_LENGTH = 400;
const { content: _body, text: _text, ...listedColumns } = editionColumns;
/** What a listing reads of an edition: all but its body, and the start of its text. */
const listedSelection = { ...listedColumns, text: sql<string>`left(${editions.text}, ${LISTED_TEXT_LENGTH})` };

/**
 * The same briefs for a reader's front page: without their bodies and with
 * only the start of their text. A body is the bulk of an edition, and reading
 * thirty of them to show none took most of the front page's time.
 */
export async function frontPageBriefs(teamId: string, options: BriefListOptions = {}) {
  return db()
    .select(listedSelection)
    .from(editions)
    .where(inArray(editions.id, latestLiveEditionIds(teamId, options)))
    .orderBy(desc(editions.publishedAt));
}

/** One page of the reader home's briefs in the order asked for, and how many there are in all. */
export async function frontPageBriefsPage(teamId: string, filters: BriefFilters, view: ListView<BriefSort>) {
  const listed = inArray(editions.id, latestLiveEditionIds(teamId, { ...filters, limit: null }));
  const order = view.direction === "asc" ? asc : desc;
  // Ties (the same title, or one publish time) fall back on the newest, then the id, so pages never overlap.
  const sorting = view.sort === "title" ? [order(sql`lower(${editions.title})`), desc(editions.publishedAt)] : [order(editions.publishedAt)];
  const [briefs, [{ total }]] = await Promise.all([
    db()
      .select(listedSelection)
      .from(editions)
      .where(listed)
      .orderBy(...sorting, editions.id)
      .limit(view.limit)
      .offset(view.offset),
    db().select({ total: count() }).from(editions).where(listed),
  ]);
  return { briefs, total };
}

/**
 * Published briefs that mention an entity, for readers: the latest live
 * edition of each, with its title and the sentences around the mentions as
 * published. What the draft says since is not theirs to see.
 */
export function publishedBacklinks(teamId: string, entityId: string) {
  return db()
    .select({ noteId: editions.noteId, title: editions.title, publishedAt: editions.publishedAt, mentions: editionEntities.mentions, snippets: editionEntities.snippets })
    .from(editionEntities)
    .innerJoin(editions, eq(editions.id, editionEntities.editionId))
    .where(and(eq(editionEntities.entityId, entityId), eq(editionEntities.teamId, teamId), latestLive))
    .orderBy(desc(editions.publishedAt));
}

/**
 * The tags readers may see: those on actors and events, and those the latest
 * live editions were published with. A tag only on drafts is not shown.
 */
export function publishedTags(teamId: string) {
  return db()
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(
      and(
        eq(tags.teamId, teamId),
        or(
          sql`exists (select 1 from ${entityTags} where ${entityTags.tagId} = ${tags.id})`,
          sql`exists (select 1 from ${editions} where ${editions.teamId} = ${teamId} and ${latestLive} and ${hasFrozenTag(editions.tags, sql`${tags.name}`)})`,
        ),
      ),
    )
    .orderBy(asc(tags.name));
}
