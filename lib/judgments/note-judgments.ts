import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { insertInBatches } from "@/db/batches";
import { judgments, notes } from "@/db/schema";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import type { DocNode } from "@/lib/editor/document";
import { extractJudgments } from "@/lib/editor/judgments";
import { highestPortionMark } from "@/lib/editor/portion-marks";
import { teamTradecraft } from "@/lib/teams/tradecraft";

type JudgmentRow = typeof judgments.$inferInsert;

const sameJudgment = (a: JudgmentRow, b: JudgmentRow) =>
  a.ordinal === b.ordinal &&
  a.text === b.text &&
  (a.likelihoodRank ?? null) === (b.likelihoodRank ?? null) &&
  (a.likelihoodTerm ?? null) === (b.likelihoodTerm ?? null) &&
  (a.confidence ?? null) === (b.confidence ?? null) &&
  a.assumptions === b.assumptions &&
  (a.sourceIds ?? []).join() === (b.sourceIds ?? []).join();

/**
 * Brings a note's key judgments and its highest portion mark in step with its
 * document, inside the caller's transaction: only the judgments that differ
 * are rewritten, so a store of an edit outside them writes none.
 */
export async function syncNoteJudgments(tx: Executor, note: { id: string; teamId: string }, content: DocNode) {
  const { scale } = await teamTradecraft(note.teamId, tx);
  const wanted: JudgmentRow[] = extractJudgments(content, scale).map((found) => ({
    noteId: note.id,
    teamId: note.teamId,
    key: found.key,
    ordinal: found.ordinal,
    text: found.text,
    likelihoodRank: found.likelihood?.rank ?? null,
    likelihoodTerm: found.likelihood?.term ?? null,
    confidence: found.confidence,
    assumptions: found.assumptions,
    sourceIds: found.sourceIds,
  }));
  const stored = new Map((await tx.select().from(judgments).where(eq(judgments.noteId, note.id))).map((row) => [row.key, row]));
  const wantedByKey = new Map(wanted.map((row) => [row.key, row]));
  const stale = [...stored.values()].filter((row) => {
    const fresh = wantedByKey.get(row.key);
    return !fresh || !sameJudgment(row, fresh);
  });
  const staleKeys = new Set(stale.map((row) => row.key));
  const fresh = wanted.filter((row) => !stored.has(row.key) || staleKeys.has(row.key));
  if (stale.length > 0)
    await tx.delete(judgments).where(and(eq(judgments.noteId, note.id), sql`${judgments.key} = any(${`{${stale.map((row) => JSON.stringify(row.key)).join(",")}}`}::text[])`));
  await insertInBatches(tx, judgments, fresh);

  const portionMarking = highestPortionMark(content);
  await tx
    .update(notes)
    .set({ portionMarking })
    .where(and(eq(notes.id, note.id), sql`${notes.portionMarking} is distinct from ${portionMarking}`));
}

/** Keeps a note's judgments and portion marking in step with its body as the collaboration server stores it, in the store's transaction. */
export const noteJudgmentsSubscriber: NoteSubscriber = {
  bodyChanged: ({ tx, note, content }) => syncNoteJudgments(tx, note, content),
};
