import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { editionCitations, sources, type EditionCitation } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { teamCitations } from "./note-citations";

/**
 * Freezes an edition's endnotes, inside the transaction that creates it: each
 * citation of the team's sources with the source as it stands now (title,
 * kind, originator, reliability). Regrading or retracting the source later
 * leaves them as published.
 */
export async function freezeEditionCitations(tx: Executor, edition: { id: string; teamId: string }, content: DocNode) {
  const citations = await teamCitations(tx, edition.teamId, content);
  if (citations.length === 0) return;
  const cited = await tx
    .select()
    .from(sources)
    .where(inArray(sources.id, [...new Set(citations.map((c) => c.sourceId))]));
  const byId = new Map(cited.map((source) => [source.id, source]));
  await tx.insert(editionCitations).values(
    citations.map((c) => {
      const source = byId.get(c.sourceId)!;
      return {
        editionId: edition.id,
        teamId: edition.teamId,
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
    }),
  );
}

/** An edition's endnotes, by number. */
export async function endnotesOf(editionId: string, tx: Executor = db()): Promise<EditionCitation[]> {
  return tx.select().from(editionCitations).where(eq(editionCitations.editionId, editionId)).orderBy(asc(editionCitations.ordinal));
}
