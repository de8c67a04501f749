import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { editionCitations, editions, noteCitations, notes } from "@/db/schema";

/**
 * Where a source is cited now: each citation in the team's notes (drafts
 * included), with the sentence it stands in. For those who read drafts.
 */
export async function notesCiting(teamId: string, sourceId: string, tx: Executor = db()) {
  return tx
    .select({
      noteId: notes.id,
      title: notes.title,
      status: notes.status,
      ordinal: noteCitations.ordinal,
      sentence: noteCitations.sentence,
      credibility: noteCitations.credibility,
      locator: noteCitations.locator,
      obtainedOn: noteCitations.obtainedOn,
    })
    .from(noteCitations)
    .innerJoin(notes, and(eq(notes.id, noteCitations.noteId), eq(notes.teamId, teamId)))
    .where(and(eq(noteCitations.teamId, teamId), eq(noteCitations.sourceId, sourceId)))
    .orderBy(desc(notes.updatedAt), asc(noteCitations.ordinal));
}

/** The team's editions that cite the source, with each endnote as it was frozen at publishing. */
export async function editionsCiting(teamId: string, sourceId: string, tx: Executor = db()) {
  return tx
    .select({
      editionId: editions.id,
      noteId: editions.noteId,
      number: editions.number,
      title: editions.title,
      publishedAt: editions.publishedAt,
      withdrawnAt: editions.withdrawnAt,
      ordinal: editionCitations.ordinal,
      sentence: editionCitations.sentence,
      reliability: editionCitations.reliability,
      credibility: editionCitations.credibility,
      locator: editionCitations.locator,
    })
    .from(editionCitations)
    .innerJoin(editions, and(eq(editions.id, editionCitations.editionId), eq(editions.teamId, teamId)))
    .where(and(eq(editionCitations.teamId, teamId), eq(editionCitations.sourceId, sourceId)))
    .orderBy(desc(editions.publishedAt), asc(editionCitations.ordinal));
}

/** Rows of one note (or edition) together, in the order given. */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): { key: K; rows: T[] }[] {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups].map(([k, rs]) => ({ key: k, rows: rs }));
}
