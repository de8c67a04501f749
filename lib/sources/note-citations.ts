import "server-only";
import { eq } from "drizzle-orm";
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

/** Rebuilds a note's citations from its document, inside the caller's transaction. */
export async function syncNoteCitations(tx: Executor, note: { id: string; teamId: string }, content: DocNode) {
  const citations = await teamCitations(tx, note.teamId, content);
  await tx.delete(noteCitations).where(eq(noteCitations.noteId, note.id));
  if (citations.length === 0) return;
  await insertInBatches(
    tx,
    noteCitations,
    citations.map((c) => ({
      noteId: note.id,
      teamId: note.teamId,
      ordinal: c.ordinal,
      citationId: c.id,
      sourceId: c.sourceId,
      credibility: c.credibility,
      locator: c.locator,
      obtainedOn: c.obtainedOn,
      sentence: c.sentence,
    })),
  );
}

/** Keeps a note's citations in step with its body as the collaboration server stores it, in the store's transaction. */
export const noteCitationsSubscriber: NoteSubscriber = {
  bodyChanged: ({ tx, note, content }) => syncNoteCitations(tx, note, content),
};
