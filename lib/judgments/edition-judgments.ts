import "server-only";
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { insertInBatches } from "@/db/batches";
import { editionJudgments, editions } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { extractJudgments, type JudgmentFound } from "@/lib/editor/judgments";
import { badRequest } from "@/lib/errors";
import { JUDGMENT_CHANGE_LABELS, needsRationale, type JudgmentChange } from "@/lib/tradecraft/judgment-changes";
import type { LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { pairJudgments, type StatedJudgment } from "./pairing";

export type EditionJudgment = typeof editionJudgments.$inferSelect;

/** A judgment of the text about to be published, and how it stands to the latest edition's. */
export interface JudgmentChangeDraft {
  key: string;
  change: JudgmentChange;
  text: string;
  likelihoodTerm: string | null;
  likelihoodRank: number | null;
  confidence: StatedJudgment["confidence"];
  previous: StatedJudgment | null;
  /** Whether publishing needs a line saying why. */
  needsRationale: boolean;
}

const stated = (found: JudgmentFound): StatedJudgment & { found: JudgmentFound } => ({
  key: found.key,
  text: found.text,
  likelihoodRank: found.likelihood?.rank ?? null,
  likelihoodTerm: found.likelihood?.term ?? null,
  confidence: found.confidence,
  found,
});

/**
 * The judgments the latest live edition of a note stated (not those it listed
 * as withdrawn), or null when it has none published; `excluding` is the
 * edition being published, already written in the same transaction.
 */
export async function latestEditionJudgments(
  noteId: string,
  tx: Executor = db(),
  excluding?: string,
): Promise<{ number: number; judgments: EditionJudgment[] } | null> {
  const [latest] = await tx
    .select({ id: editions.id, number: editions.number })
    .from(editions)
    .where(and(eq(editions.noteId, noteId), isNull(editions.withdrawnAt), excluding ? ne(editions.id, excluding) : undefined))
    .orderBy(desc(editions.number))
    .limit(1);
  if (!latest) return null;
  const rows = await tx
    .select()
    .from(editionJudgments)
    .where(and(eq(editionJudgments.editionId, latest.id), ne(editionJudgments.change, "withdrawn")))
    .orderBy(asc(editionJudgments.ordinal));
  return { number: latest.number, judgments: rows };
}

/** Pairs the judgments of `content` with those of the edition before (none: every one is new, and none needs a reason). */
function compare(before: { judgments: EditionJudgment[] } | null, content: DocNode, scale: LikelihoodScale) {
  const paired = pairJudgments(before?.judgments ?? [], extractJudgments(content, scale).map(stated));
  return paired.map(({ change, current, previous }) => ({
    found: "found" in current ? (current.found as JudgmentFound) : null,
    previous: previous as EditionJudgment | null,
    draft: {
      key: current.key,
      change,
      text: current.text,
      likelihoodTerm: current.likelihoodTerm,
      likelihoodRank: current.likelihoodRank,
      confidence: current.confidence,
      previous,
      needsRationale: before !== null && needsRationale(change),
    },
  }));
}

/** How each judgment of `content` stands to the latest edition's: what the publish panel shows and asks reasons for. */
export async function judgmentChanges(noteId: string, content: DocNode, scale: LikelihoodScale, tx: Executor = db()): Promise<JudgmentChangeDraft[]> {
  return compare(await latestEditionJudgments(noteId, tx), content, scale).map(({ draft }) => draft);
}

/** The sentence that names what still needs a reason, or null. */
export function missingRationales(changes: readonly JudgmentChangeDraft[], rationales: Readonly<Record<string, string>>): string | null {
  const missing = changes.filter((change) => change.needsRationale && !rationales[change.key]?.trim());
  if (missing.length === 0) return null;
  const named = missing.map((change) => `“${change.text.length > 60 ? `${change.text.slice(0, 57)}…` : change.text}” (${JUDGMENT_CHANGE_LABELS[change.change].toLowerCase()})`);
  return `Say in a line why ${missing.length === 1 ? "this judgment changed" : `these ${missing.length} judgments changed`} before publishing: ${named.join("; ")}.`;
}

/**
 * Freezes an edition's key judgments in the publishing transaction, each with
 * how it stands to the edition before and the publisher's reason, and the
 * withdrawn ones after them. Refuses (and so the whole publication) when a
 * change that needs a reason has none.
 */
export async function freezeEditionJudgments(
  tx: Executor,
  edition: { id: string; noteId: string; teamId: string },
  content: DocNode,
  scale: LikelihoodScale,
  rationales: Readonly<Record<string, string>>,
): Promise<void> {
  const compared = compare(await latestEditionJudgments(edition.noteId, tx, edition.id), content, scale);
  const problem = missingRationales(
    compared.map(({ draft }) => draft),
    rationales,
  );
  if (problem) throw badRequest(problem);

  const rows = compared.map(({ found, previous, draft }, index) => ({
    editionId: edition.id,
    noteId: edition.noteId,
    teamId: edition.teamId,
    key: draft.key,
    ordinal: index + 1,
    text: draft.text,
    likelihoodRank: draft.likelihoodRank,
    likelihoodTerm: draft.likelihoodTerm,
    confidence: draft.confidence,
    assumptions: found?.assumptions ?? previous?.assumptions ?? "",
    sourceIds: found?.sourceIds ?? previous?.sourceIds ?? [],
    change: draft.change,
    previousText: previous?.text ?? null,
    previousLikelihoodRank: previous?.likelihoodRank ?? null,
    previousLikelihoodTerm: previous?.likelihoodTerm ?? null,
    previousConfidence: previous?.confidence ?? null,
    rationale: draft.needsRationale ? rationales[draft.key].trim() : null,
  }));
  await insertInBatches(tx, editionJudgments, rows);
}

/** An edition's judgments in order, the withdrawn ones last. */
export function judgmentsOfEdition(editionId: string, tx: Executor = db()): Promise<EditionJudgment[]> {
  return tx.select().from(editionJudgments).where(eq(editionJudgments.editionId, editionId)).orderBy(asc(editionJudgments.ordinal));
}

/** The judgments of many editions in one query, each edition's in order (a feed's entries). */
export async function judgmentsOfEditions(editionIds: readonly string[], tx: Executor = db()): Promise<Map<string, EditionJudgment[]>> {
  const byEdition = new Map<string, EditionJudgment[]>(editionIds.map((id) => [id, []]));
  if (editionIds.length === 0) return byEdition;
  const rows = await tx
    .select()
    .from(editionJudgments)
    .where(inArray(editionJudgments.editionId, [...editionIds]))
    .orderBy(asc(editionJudgments.editionId), asc(editionJudgments.ordinal));
  for (const row of rows) byEdition.get(row.editionId)?.push(row);
  return byEdition;
}
