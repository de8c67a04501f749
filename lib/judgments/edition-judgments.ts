import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { insertInBatches } from "@/db/batches";
import { editionJudgments, editions } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { extractJudgments, type JudgmentFound } from "@/lib/editor/judgments";
import { badRequest } from "@/lib/errors";
import { JUDGMENT_CHANGE_LABELS, needsRationale, type JudgmentChange } from "@/lib/tradecraft/judgment-changes";
import type { LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { pairJudgments, type StatedJudgment } from "./pairing";
import { awaitingReason } from "./draft-view";
import type { Visibility } from "@/db/schema";
import { highestMarking, type TlpLevel } from "@/lib/tradecraft/tlp";

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
 * The judgments the latest edition of a note stated (not those it listed as
 * withdrawn), or null when it has none; `excluding` is the edition being
 * published, already written in the same transaction. An edition since
 * withdrawn from its readers counts: a brief published again after an
 * unpublish still explains how its judgments changed (without repeating the
 * words, which no reader may read any more).
 */
export async function latestEditionJudgments(
  noteId: string,
  tx: Executor = db(),
  excluding?: string,
): Promise<{ number: number; visibility: Visibility; marking: TlpLevel; withdrawn: boolean; judgments: EditionJudgment[] } | null> {
  const [latest] = await tx
    .select({ id: editions.id, number: editions.number, visibility: editions.visibility, marking: editions.marking, withdrawnAt: editions.withdrawnAt })
    .from(editions)
    .where(and(eq(editions.noteId, noteId), excluding ? ne(editions.id, excluding) : undefined))
    .orderBy(desc(editions.number))
    .limit(1);
  if (!latest) return null;
  const rows = await tx
    .select()
    .from(editionJudgments)
    .where(and(eq(editionJudgments.editionId, latest.id), ne(editionJudgments.change, "withdrawn")))
    .orderBy(asc(editionJudgments.ordinal));
  return { number: latest.number, visibility: latest.visibility, marking: latest.marking, withdrawn: latest.withdrawnAt !== null, judgments: rows };
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

/** Whether an edition reaches readers the one before does not: that one was withdrawn, or it is public where that was the team's, or marked lower. */
function opensWider(edition: { visibility: Visibility; marking: TlpLevel }, before: { visibility: Visibility; marking: TlpLevel; withdrawn: boolean }): boolean {
  return before.withdrawn || (edition.visibility === "public" && before.visibility !== "public") || highestMarking(edition.marking, before.marking) !== edition.marking;
}

/** The publisher's reason for a judgment, by its key (an own property only: a key may be any id a judgment has). */
export const reasonFor = (rationales: Readonly<Record<string, string>>, key: string): string =>
  Object.hasOwn(rationales, key) && typeof rationales[key] === "string" ? rationales[key].trim() : "";

/** The sentence that names what still needs a reason, or null. */
export function missingRationales(changes: readonly JudgmentChangeDraft[], rationales: Readonly<Record<string, string>>): string | null {
  const missing = awaitingReason(changes, rationales);
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
  edition: { id: string; noteId: string; teamId: string; visibility: Visibility; marking: TlpLevel },
  content: DocNode,
  scale: LikelihoodScale,
  rationales: Readonly<Record<string, string>>,
): Promise<void> {
  const before = await latestEditionJudgments(edition.noteId, tx, edition.id);
  const compared = compare(before, content, scale);
  // The words of an edition with fewer readers, or a higher marking, never reach this one's readers: only how each judgment changed does.
  const withheld = before !== null && opensWider(edition, before);
  const problem = missingRationales(
    compared.map(({ draft }) => draft),
    rationales,
  );
  if (problem) throw badRequest(problem);

  const rows = compared.map(({ found, previous, draft }, index) => {
    const earlier = withheld ? null : previous;
    const gone = draft.change === "withdrawn";
    return {
      editionId: edition.id,
      noteId: edition.noteId,
      teamId: edition.teamId,
      key: draft.key,
      ordinal: index + 1,
      text: gone && withheld ? "" : draft.text,
      likelihoodRank: gone && withheld ? null : draft.likelihoodRank,
      likelihoodTerm: gone && withheld ? null : draft.likelihoodTerm,
      confidence: gone && withheld ? null : draft.confidence,
      assumptions: found?.assumptions ?? earlier?.assumptions ?? "",
      sourceIds: found?.sourceIds ?? earlier?.sourceIds ?? [],
      change: draft.change,
      previousText: earlier?.text ?? null,
      previousLikelihoodRank: earlier?.likelihoodRank ?? null,
      previousLikelihoodTerm: earlier?.likelihoodTerm ?? null,
      previousConfidence: earlier?.confidence ?? null,
      rationale: draft.needsRationale ? reasonFor(rationales, draft.key) : null,
    };
  });
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
