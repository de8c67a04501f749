import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { comments, commentThreads, editions, entities, notes } from "@/db/schema";
import { can, type Actor } from "@/lib/policies";
import { hasFrozenTag, latestLive } from "@/lib/publishing/queries";
import { DATED_KINDS, type EntityKind } from "@/lib/entity-kinds";
import { hasFilters, mentionedIds, type SearchFilters } from "./filters";
import { headline, textQuery } from "./query";
import { draftSourceConditions, editionSourceConditions } from "./source-filters";

interface NoteHit {
  id: string;
  title: string;
  status: string;
  kind: string;
  updatedAt: Date;
  snippet: string;
}
interface BriefHit {
  noteId: string;
  number: number;
  title: string;
  dateline: string;
  snippet: string;
}
interface EntityHit {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
}
interface CommentHit {
  noteId: string;
  noteTitle: string;
  threadId: string;
  snippet: string;
}
export interface SearchResults {
  notes: NoteHit[];
  briefs: BriefHit[];
  entities: EntityHit[];
  comments: CommentHit[];
}

const empty: SearchResults = { notes: [], briefs: [], entities: [], comments: [] };

/** Conditions on notes from the filters (each an EXISTS on the note's links). */
function noteConditions(f: SearchFilters): SQL[] {
  const on: SQL[] = [];
  for (const entity of mentionedIds(f)) on.push(sql`exists (select 1 from note_entities ne where ne.note_id = ${notes.id} and ne.entity_id = ${entity})`);
  if (f.tag)
    on.push(sql`exists (select 1 from note_tags nt join tags t on t.id = nt.tag_id where nt.note_id = ${notes.id} and lower(t.name) = ${f.tag.toLowerCase()})`);
  if (f.status) on.push(eq(notes.status, f.status));
  if (f.kind) on.push(eq(notes.kind, f.kind));
  if (f.author)
    on.push(
      sql`(${notes.createdBy} = ${f.author} or ${f.author} = any(${notes.pendingContributors}) or exists (select 1 from revisions r where r.note_id = ${notes.id} and ${f.author} = any(r.contributors)))`,
    );
  if (f.editedFrom) on.push(sql`${notes.updatedAt} >= ${f.editedFrom}::date`);
  if (f.editedTo) on.push(sql`${notes.updatedAt} < ${f.editedTo}::date + 1`);
  if (f.datedFrom || f.datedTo)
    on.push(sql`exists (select 1 from note_entities ne join entities e on e.id = ne.entity_id where ne.note_id = ${notes.id} and ${inArray(sql`e.kind`, [...DATED_KINDS])}
      and e.starts_on is not null
      ${f.datedTo ? sql`and e.starts_on <= ${f.datedTo}::date` : sql``}
      ${f.datedFrom ? sql`and coalesce(e.ends_on, e.starts_on) >= ${f.datedFrom}::date` : sql``})`);
  on.push(...draftSourceConditions(f));
  return on;
}

/**
 * Searches a team for one member: notes (drafts for those who may read them),
 * published briefs (for readers, instead), actors and events, and comments.
 * Ranked by relevance, recent first among equals; matched words marked in
 * snippets. Nothing is counted or quoted from what the member may not open.
 */
export async function searchTeam(
  actor: Actor,
  f: SearchFilters,
  options: { limit?: number; asYouType?: boolean } = {},
): Promise<SearchResults> {
  const limit = options.limit ?? 20;
  const asYouType = options.asYouType ?? false;
  const query = textQuery(f.q, { asYouType });
  if (!query && !hasFilters(f)) return empty;
  const teamId = actor.teamId;
  if (!can(actor, "team.readDrafts", { id: teamId })) return { ...empty, briefs: await searchBriefs(teamId, f, limit, asYouType), entities: query ? await searchEntities(teamId, f.q, limit, asYouType) : [] };

  // Not a bare `0`: in ORDER BY that is read as a column position, and fails.
  const rank = query ? sql`ts_rank_cd(${notes.search}, ${query})` : sql`0::real`;
  const top = db()
    .select({ id: notes.id, rank: rank.as("rank"), updatedAt: notes.updatedAt })
    .from(notes)
    .where(and(eq(notes.teamId, teamId), query ? sql`${notes.search} @@ ${query}` : undefined, ...noteConditions(f)))
    .orderBy(desc(rank), desc(notes.updatedAt))
    .limit(limit)
    .as("top");
  const snippet = query ? headline(notes.text, query) : sql<string>`left(${notes.text}, 200)`;
  const noteHits = await db()
    .select({ id: notes.id, title: notes.title, status: notes.status, kind: notes.kind, updatedAt: notes.updatedAt, snippet })
    .from(top)
    .innerJoin(notes, eq(notes.id, top.id))
    .orderBy(desc(top.rank), desc(top.updatedAt));

  const [entityHits, commentHits] = query ? await Promise.all([searchEntities(teamId, f.q, limit, asYouType), searchComments(teamId, query, f, limit)]) : [[], []];
  return { notes: noteHits, briefs: [], entities: entityHits, comments: commentHits };
}

async function searchEntities(teamId: string, q: string, limit: number, asYouType: boolean): Promise<EntityHit[]> {
  const query = textQuery(q, { config: "simple", asYouType });
  if (!query) return [];
  return db()
    .select({ id: entities.id, kind: entities.kind, name: entities.name, aliases: entities.aliases })
    .from(entities)
    .where(and(eq(entities.teamId, teamId), sql`${entities.search} @@ ${query}`))
    .orderBy(desc(sql`ts_rank_cd(${entities.search}, ${query})`), entities.name)
    .limit(limit);
}

/** Comments on the notes the filters leave in (an actor filter leaves out comments on notes that do not mention them). */
async function searchComments(teamId: string, query: SQL, f: SearchFilters, limit: number): Promise<CommentHit[]> {
  return db()
    .select({
      noteId: notes.id,
      noteTitle: notes.title,
      threadId: commentThreads.id,
      snippet: headline(comments.body, query),
    })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .innerJoin(notes, eq(notes.id, commentThreads.noteId))
    .where(and(eq(commentThreads.teamId, teamId), sql`${comments.search} @@ ${query}`, ...noteConditions(f)))
    .orderBy(desc(sql`ts_rank_cd(${comments.search}, ${query})`), desc(comments.createdAt))
    .limit(limit);
}

/** Readers search what is published: the latest live edition of each brief. */
async function searchBriefs(teamId: string, f: SearchFilters, limit: number, asYouType: boolean): Promise<BriefHit[]> {
  const query = textQuery(f.q, { asYouType });
  const mentions = mentionedIds(f).map((id) => sql`${editions.entities} @> ${JSON.stringify([{ id }])}::jsonb`);
  return db()
    .select({
      noteId: editions.noteId,
      number: editions.number,
      title: editions.title,
      dateline: editions.dateline,
      snippet: query ? headline(editions.text, query) : sql<string>`left(${editions.text}, 200)`,
    })
    .from(editions)
    .where(
      and(
        eq(editions.teamId, teamId),
        latestLive,
        query ? sql`${editions.search} @@ ${query}` : undefined,
        ...mentions,
        f.tag ? hasFrozenTag(editions.tags, f.tag) : undefined,
        ...editionSourceConditions(f),
      ),
    )
    // Not a bare `0`: in ORDER BY that is read as a column position, and fails.
    .orderBy(desc(query ? sql`ts_rank_cd(${editions.search}, ${query})` : sql`0::real`), desc(editions.publishedAt))
    .limit(limit);
}

