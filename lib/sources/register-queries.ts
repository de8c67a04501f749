import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { editionCitations, entities, noteCitations, sourceChanges, sources, users } from "@/db/schema";
import type { Reliability, SourceKind } from "@/lib/source-grading";

const grader = alias(users, "grader");

/** What the register can be narrowed to: words of the title, originator or description, a kind, a grade, retracted or not. */
export interface SourceFilter {
  query?: string;
  kind?: SourceKind;
  reliability?: Reliability;
  retracted?: boolean;
}

/**
 * The words typed, each as a prefix ("reut" finds Reuters), all required.
 * Only letters and digits reach the tsquery, so nothing typed is syntax.
 */
function wordsQuery(input: string): SQL | null {
  const words = input.slice(0, 200).toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return sql`to_tsquery('simple', ${words.map((word) => `${word}:*`).join(" & ")})`;
}

const noteCitationCount = sql<number>`(select count(*) from ${noteCitations} where ${noteCitations.sourceId} = ${sources.id})`.mapWith(Number);
const editionCitationCount = sql<number>`(select count(*) from ${editionCitations} where ${editionCitations.sourceId} = ${sources.id})`.mapWith(Number);

/** The team's register, newest first, with who graded each source and how often it is cited in notes and editions. */
export async function listSources(teamId: string, filter: SourceFilter = {}, tx: Executor = db()) {
  const words = filter.query ? wordsQuery(filter.query) : null;
  return tx
    .select({
      id: sources.id,
      title: sources.title,
      kind: sources.kind,
      originator: sources.originator,
      reliability: sources.reliability,
      gradedAt: sources.gradedAt,
      gradedBy: grader.name,
      retractedAt: sources.retractedAt,
      noteCitations: noteCitationCount,
      editionCitations: editionCitationCount,
    })
    .from(sources)
    .leftJoin(grader, eq(grader.id, sources.gradedBy))
    .where(
      and(
        eq(sources.teamId, teamId),
        words ? sql`${sources.search} @@ ${words}` : undefined,
        filter.kind ? eq(sources.kind, filter.kind) : undefined,
        filter.reliability ? eq(sources.reliability, filter.reliability) : undefined,
        filter.retracted === undefined ? undefined : filter.retracted ? isNotNull(sources.retractedAt) : isNull(sources.retractedAt),
      ),
    )
    .orderBy(desc(sources.updatedAt))
    .limit(500);
}

export type SourceListing = Awaited<ReturnType<typeof listSources>>[number];

/** A source with the name of who graded it, and its originating actor. */
export async function sourceDetails(teamId: string, id: string, tx: Executor = db()) {
  const [row] = await tx
    .select({ gradedBy: grader.name, actor: { id: entities.id, kind: entities.kind, name: entities.name } })
    .from(sources)
    .leftJoin(grader, eq(grader.id, sources.gradedBy))
    .leftJoin(entities, eq(entities.id, sources.originatorEntityId))
    .where(and(eq(sources.teamId, teamId), eq(sources.id, id)));
  return row ? { gradedBy: row.gradedBy, actor: row.actor?.id ? row.actor : null } : null;
}

/** Every grading of a source, oldest first: the first grade, each change with its reason, retractions and reinstatements. */
export async function gradeHistory(teamId: string, sourceId: string, tx: Executor = db()) {
  return tx
    .select({
      id: sourceChanges.id,
      kind: sourceChanges.kind,
      from: sourceChanges.fromReliability,
      to: sourceChanges.toReliability,
      reason: sourceChanges.reason,
      changedAt: sourceChanges.changedAt,
      changedBy: users.name,
    })
    .from(sourceChanges)
    .leftJoin(users, eq(users.id, sourceChanges.changedBy))
    .where(and(eq(sourceChanges.teamId, teamId), eq(sourceChanges.sourceId, sourceId)))
    .orderBy(asc(sourceChanges.changedAt), asc(sourceChanges.id));
}

export type GradeChange = Awaited<ReturnType<typeof gradeHistory>>[number];

/** The team's sources an actor originates, for the actor's page. */
export async function sourcesOriginatedBy(teamId: string, entityId: string, tx: Executor = db()) {
  return tx
    .select({ id: sources.id, title: sources.title, kind: sources.kind, reliability: sources.reliability, retractedAt: sources.retractedAt })
    .from(sources)
    .where(and(eq(sources.teamId, teamId), eq(sources.originatorEntityId, entityId)))
    .orderBy(asc(sources.title));
}
