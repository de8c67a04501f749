import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { insertInBatches } from "@/db/batches";
import { noteCitations } from "@/db/schema";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import { extractCitations, type CitationFound } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { teamSourceIds } from "./queries";

/**
 * The citations of a document that cite the team's own sources, numbered in
 * document order: a citation of another team's source is dropped, never kept
 * or rendered, and does not take a number.
 */
export async function teamCitations(tx: Executor, teamId: string, content: DocNode): Promise<CitationFound[]> {
  const citations = extractCitations(content);
  const allowed = await teamSourceIds(
    teamId,
    citations.map((c) => c.sourceId),
    tx,
  );
  return citations.filter((c) => allowed.has(c.sourceId)).map((c, index) => ({ ...c, ordinal: index + 1 }));
}

type CitationRow = typeof noteCitations.$inferInsert;

const sameCitation = (a: CitationRow, b: CitationRow) =>
  a.citationId === b.citationId &&
  a.sourceId === b.sourceId &&
  a.credibility === b.credibility &&
  a.locator === b.locator &&
  (a.obtainedOn ?? null) === (b.obtainedOn ?? null) &&
  a.sentence === b.sentence;

/**
 * Brings a note's citations in step with its document, inside the caller's
 * transaction: the rows are compared with what the document cites now, and
 * only those that differ are rewritten, so a store of an edit that touched no
 * citation writes none.
 */
export async function syncNoteCitations(tx: Executor, note: { id: string; teamId: string }, content: DocNode) {
  const wanted: CitationRow[] = (await teamCitations(tx, note.teamId, content)).map((c) => ({
    noteId: note.id,
    teamId: note.teamId,
    ordinal: c.ordinal,
    citationId: c.id,
    sourceId: c.sourceId,
    credibility: c.credibility,
    locator: c.locator,
    obtainedOn: c.obtainedOn,
    sentence: c.sentence,
  }));
  const stored = new Map((await tx.select().from(noteCitations).where(eq(noteCitations.noteId, note.id))).map((row) => [row.ordinal, row]));
  const stale = new Set([...stored.values()].filter((row) => !wanted[row.ordinal - 1] || !sameCitation(row, wanted[row.ordinal - 1])).map((row) => row.ordinal));
  const fresh = wanted.filter((row) => !stored.has(row.ordinal) || stale.has(row.ordinal));
  if (stale.size > 0) await tx.delete(noteCitations).where(and(eq(noteCitations.noteId, note.id), sql`${noteCitations.ordinal} = any(${`{${[...stale].join(",")}}`}::int[])`));
  await insertInBatches(tx, noteCitations, fresh);
}

/** Keeps a note's citations in step with its body as the collaboration server stores it, in the store's transaction. */
export const noteCitationsSubscriber: NoteSubscriber = {
  bodyChanged: ({ tx, note, content }) => syncNoteCitations(tx, note, content),
};
