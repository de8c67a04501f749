import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { insertInBatches, uuidArray } from "@/db/batches";
import { editionCitations, sources, type EditionCitation } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import type { Endnote } from "./endnote";
import { teamCitations } from "./note-citations";

/**
 * A body's endnotes with each source as it stands now: the citations of the
 * team's sources, numbered in document order (another team's take no number).
 * A draft's export shows these; publishing freezes them.
 */
export async function draftEndnotes(teamId: string, content: DocNode, tx: Executor = db()): Promise<(Endnote & { sourceId: string; sentence: string })[]> {
  const citations = await teamCitations(tx, teamId, content);
  if (citations.length === 0) return [];
  const cited = await tx
    .select()
    .from(sources)
    .where(sql`${sources.id} = any(${uuidArray(new Set(citations.map((c) => c.sourceId)))}::uuid[])`);
  const byId = new Map(cited.map((source) => [source.id, source]));
  return citations.map((c) => {
    const source = byId.get(c.sourceId)!;
    return {
      ordinal: c.ordinal,
      sourceId: source.id,
      sourceTitle: source.title,
      sourceKind: source.kind,
      originator: source.originator,
      reliability: source.reliability,
      credibility: c.credibility,
      locator: c.locator,
      obtainedOn: c.obtainedOn,
      sentence: c.sentence,
    };
  });
}

/**
 * Freezes an edition's endnotes, inside the transaction that creates it: each
 * citation of the team's sources with the source as it stands now (title,
 * kind, originator, reliability). Regrading or retracting the source later
 * leaves them as published.
 */
export async function freezeEditionCitations(tx: Executor, edition: { id: string; teamId: string }, content: DocNode) {
  const endnotes = await draftEndnotes(edition.teamId, content, tx);
  if (endnotes.length === 0) return;
  await insertInBatches(
    tx,
    editionCitations,
    endnotes.map((endnote) => ({ editionId: edition.id, teamId: edition.teamId, ...endnote })),
  );
}

/** An edition's endnotes, by number. */
export async function endnotesOf(editionId: string, tx: Executor = db()): Promise<EditionCitation[]> {
  return tx.select().from(editionCitations).where(eq(editionCitations.editionId, editionId)).orderBy(asc(editionCitations.ordinal));
}

/** The endnotes of several editions (a feed's), by edition. */
export async function endnotesOfEditions(editionIds: string[], tx: Executor = db()): Promise<Map<string, EditionCitation[]>> {
  const byEdition = new Map<string, EditionCitation[]>(editionIds.map((id) => [id, []]));
  if (editionIds.length === 0) return byEdition;
  const rows = await tx.select().from(editionCitations).where(inArray(editionCitations.editionId, editionIds)).orderBy(asc(editionCitations.editionId), asc(editionCitations.ordinal));
  for (const row of rows) byEdition.get(row.editionId)?.push(row);
  return byEdition;
}
