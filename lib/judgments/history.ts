import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { editionJudgments, editions } from "@/db/schema";
import type { JudgmentChange } from "@/lib/tradecraft/judgment-changes";
import type { ConfidenceLevel } from "@/lib/tradecraft/likelihood";

/** One edition's word on a judgment: the first, and each that changed it. */
export interface JudgmentStep {
  edition: number;
  change: JudgmentChange;
  text: string;
  likelihoodTerm: string | null;
  confidence: ConfidenceLevel | null;
  rationale: string | null;
}

export interface JudgmentHistory {
  key: string;
  /** Its words in the latest edition that states it (or its last words, where withdrawn). */
  text: string;
  /** The first edition that stated it, then each that changed it; an unchanged restatement adds nothing. */
  steps: JudgmentStep[];
  /** The edition that withdrew it, where one did. */
  withdrawnIn: number | null;
}

export interface BriefJudgments {
  noteId: string;
  title: string;
  latestEdition: number;
  judgments: JudgmentHistory[];
}

/** Which histories a filter keeps: any change of likelihood, of confidence, or withdrawn. */
export const HISTORY_FILTERS = {
  likelihood: { label: "Likelihood raised or lowered", changes: ["raised", "lowered"] },
  confidence: { label: "Confidence changed", changes: ["confidence"] },
  withdrawn: { label: "Withdrawn", changes: ["withdrawn"] },
  reworded: { label: "Reworded", changes: ["reworded"] },
} as const satisfies Record<string, { label: string; changes: readonly JudgmentChange[] }>;
export type HistoryFilter = keyof typeof HISTORY_FILTERS;

export const isHistoryFilter = (value: unknown): value is HistoryFilter => typeof value === "string" && Object.hasOwn(HISTORY_FILTERS, value);

/**
 * Every key judgment of a team's briefs across their live editions, grouped
 * by brief (the latest published first), in one query: read from the
 * judgments frozen with each edition, never from a draft.
 */
export async function judgmentHistory(teamId: string, filter?: HistoryFilter): Promise<BriefJudgments[]> {
  const rows = await db()
    .select({
      noteId: editionJudgments.noteId,
      key: editionJudgments.key,
      ordinal: editionJudgments.ordinal,
      text: editionJudgments.text,
      likelihoodTerm: editionJudgments.likelihoodTerm,
      confidence: editionJudgments.confidence,
      change: editionJudgments.change,
      rationale: editionJudgments.rationale,
      edition: editions.number,
      title: editions.title,
      publishedAt: editions.publishedAt,
    })
    .from(editionJudgments)
    .innerJoin(editions, eq(editions.id, editionJudgments.editionId))
    .where(and(eq(editionJudgments.teamId, teamId), eq(editions.teamId, teamId), isNull(editions.withdrawnAt)))
    .orderBy(desc(editions.publishedAt), asc(editionJudgments.noteId), asc(editions.number), asc(editionJudgments.ordinal));

  const briefs = new Map<string, BriefJudgments & { order: Map<string, number>; at: number }>();
  // Rows come newest edition first across briefs; within a brief they are read oldest first below.
  for (const row of rows) {
    if (!briefs.has(row.noteId)) briefs.set(row.noteId, { noteId: row.noteId, title: row.title, latestEdition: row.edition, judgments: [], order: new Map(), at: row.publishedAt.getTime() });
  }
  const byNote = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byNote.get(row.noteId);
    if (list) list.push(row);
    else byNote.set(row.noteId, [row]);
  }

  for (const [noteId, noteRows] of byNote) {
    const brief = briefs.get(noteId)!;
    noteRows.sort((a, b) => a.edition - b.edition || a.ordinal - b.ordinal);
    const histories = new Map<string, JudgmentHistory>();
    for (const row of noteRows) {
      const step: JudgmentStep = { edition: row.edition, change: row.change, text: row.text, likelihoodTerm: row.likelihoodTerm, confidence: row.confidence, rationale: row.rationale };
      const history = histories.get(row.key);
      if (!history) {
        histories.set(row.key, { key: row.key, text: row.text, steps: [step], withdrawnIn: row.change === "withdrawn" ? row.edition : null });
        brief.order.set(row.key, row.ordinal);
        continue;
      }
      history.text = row.text;
      // A judgment withdrawn and later stated again under the same key is live once more.
      history.withdrawnIn = row.change === "withdrawn" ? row.edition : null;
      if (row.change !== "unchanged") history.steps.push(step);
      // Its place in the latest edition that states it.
      if (row.change !== "withdrawn") brief.order.set(row.key, row.ordinal);
    }
    const wanted = filter ? (HISTORY_FILTERS[filter].changes as readonly JudgmentChange[]) : null;
    brief.judgments = [...histories.values()]
      .filter((history) => !wanted || history.steps.some((step) => wanted.includes(step.change)))
      // Live ones in the order of the latest edition, the withdrawn after them.
      .sort((a, b) => Number(a.withdrawnIn !== null) - Number(b.withdrawnIn !== null) || brief.order.get(a.key)! - brief.order.get(b.key)!);
  }
  return [...briefs.values()]
    .filter((brief) => brief.judgments.length > 0)
    .map(({ noteId, title, latestEdition, judgments }) => ({ noteId, title, latestEdition, judgments }));
}
