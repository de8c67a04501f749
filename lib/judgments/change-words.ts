import { JUDGMENT_CHANGE_LABELS, type JudgmentChange } from "@/lib/tradecraft/judgment-changes";
import type { ConfidenceLevel } from "@/lib/tradecraft/likelihood";

/*
 * How a change of judgment is said, the same in the publish panel, the
 * reading view, the comparison of editions, the feeds and the team's history.
 * No database, so the publish panel (a client component) reads it too.
 */

/** A judgment as one edition states it against the edition before. */
export interface JudgmentChangeView {
  key: string;
  change: JudgmentChange;
  /** As stated now; for a withdrawn judgment, its last words. */
  text: string;
  likelihoodTerm: string | null;
  confidence: ConfidenceLevel | null;
  previousText: string | null;
  previousLikelihoodTerm: string | null;
  previousConfidence: ConfidenceLevel | null;
  rationale: string | null;
}

/** The classes in the order a summary names them. */
const SUMMARY_ORDER: readonly JudgmentChange[] = ["raised", "lowered", "confidence", "reworded", "new", "withdrawn"];

const SUMMARY_WORDS: Record<JudgmentChange, string> = {
  new: "new",
  unchanged: "unchanged",
  raised: "raised",
  lowered: "lowered",
  confidence: "with a new confidence",
  reworded: "reworded",
  withdrawn: "withdrawn",
};

/** "1 raised, 1 withdrawn", or null when nothing but unchanged judgments. */
export function changeCounts(changes: readonly Pick<JudgmentChangeView, "change">[]): string | null {
  const parts = SUMMARY_ORDER.flatMap((change) => {
    const n = changes.filter((judgment) => judgment.change === change).length;
    return n > 0 ? [`${n} ${SUMMARY_WORDS[change]}`] : [];
  });
  return parts.length > 0 ? parts.join(", ") : null;
}

export const likelihoodWords = (term: string | null) => term ?? "no likelihood";
export const confidenceWords = (level: ConfidenceLevel | null) => (level ? `${level} confidence` : "no confidence level");

/**
 * What changed, in one line: "Likelihood raised: likely → very likely",
 * "Confidence changed: moderate → high confidence", "New: likely · moderate confidence",
 * "Withdrawn", "Reworded".
 */
export function changeLine(judgment: JudgmentChangeView): string {
  const label = JUDGMENT_CHANGE_LABELS[judgment.change];
  // What it was is left out where the edition before had fewer readers than this one (its words were withheld).
  const was = (words: string) => (judgment.previousText === null ? "now " : `${words} → `);
  switch (judgment.change) {
    case "raised":
    case "lowered":
      return `${label}: ${was(likelihoodWords(judgment.previousLikelihoodTerm))}${likelihoodWords(judgment.likelihoodTerm)}`;
    case "confidence":
      return `${label}: ${was(confidenceWords(judgment.previousConfidence))}${confidenceWords(judgment.confidence)}`;
    case "new":
      return `${label}: ${likelihoodWords(judgment.likelihoodTerm)} · ${confidenceWords(judgment.confidence)}`;
    default:
      return label;
  }
}

/** The judgments an edition changed (all but the unchanged). */
export const changedJudgments = <T extends Pick<JudgmentChangeView, "change">>(judgments: readonly T[]): T[] =>
  judgments.filter((judgment) => judgment.change !== "unchanged");
