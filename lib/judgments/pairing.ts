import type { ConfidenceLevel } from "@/lib/tradecraft/likelihood";
import type { JudgmentChange } from "@/lib/tradecraft/judgment-changes";

/** A judgment as one edition (or the draft) states it. */
export interface StatedJudgment {
  key: string;
  text: string;
  likelihoodRank: number | null;
  likelihoodTerm: string | null;
  confidence: ConfidenceLevel | null;
}

export interface PairedJudgment<T extends StatedJudgment> {
  change: JudgmentChange;
  /** As stated now; for a withdrawn judgment, as it was last stated. */
  current: T | StatedJudgment;
  /** As the edition before stated it, where it did. */
  previous: StatedJudgment | null;
}

/** How alike two wordings must be (the share of words they have in common) to be one judgment reworded. */
const REWORDED_LIKENESS = 0.6;

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

const words = (text: string) => new Set(normalized(text).split(" ").filter(Boolean));

/** The share of words two wordings have in common (Jaccard), 0 to 1. */
export function likeness(a: string, b: string): number {
  return wordLikeness(words(a), words(b));
}

/** How many pairs of wordings are compared at most: beyond that, a judgment of a new id is new (a note of hundreds of judgments cut and pasted is not worth a quadratic wait). */
const MOST_COMPARISONS = 40_000;

function wordLikeness(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/**
 * How a judgment stands to the one it continues. A likelihood that appears
 * or disappears counts as raised or lowered (from or to none), so no change
 * of likelihood passes as a rewording.
 */
export function classifyChange(previous: StatedJudgment | null, current: StatedJudgment): JudgmentChange {
  if (!previous) return "new";
  const before = previous.likelihoodRank ?? 0;
  const after = current.likelihoodRank ?? 0;
  if (after > before) return "raised";
  if (after < before) return "lowered";
  if (previous.confidence !== current.confidence) return "confidence";
  return normalized(previous.text) === normalized(current.text) ? "unchanged" : "reworded";
}

/**
 * Pairs the judgments of a new edition with those of the edition before and
 * says how each changed. A judgment is known by its id first, so it may be
 * reworded and moved; one whose id is new is paired with an unpaired one of
 * the edition before when their words are mostly the same (it was cut and
 * pasted back). What the edition before held and the new one does not is
 * withdrawn, listed after the rest.
 */
export function pairJudgments<T extends StatedJudgment>(previous: readonly StatedJudgment[], current: readonly T[]): PairedJudgment<T>[] {
  const unpaired = new Map(previous.map((judgment) => [judgment.key, judgment]));
  const byKey = new Map<T, StatedJudgment>();
  for (const judgment of current) {
    const same = unpaired.get(judgment.key);
    if (same) {
      byKey.set(judgment, same);
      unpaired.delete(judgment.key);
    }
  }
  // Each earlier wording's words, read once.
  const earlierWords = new Map([...unpaired.values()].map((judgment) => [judgment.key, words(judgment.text)]));
  let comparisons = 0;
  const paired: PairedJudgment<T>[] = current.map((judgment) => {
    let match = byKey.get(judgment) ?? null;
    if (!match && unpaired.size > 0 && (comparisons += unpaired.size) <= MOST_COMPARISONS) {
      const mine = words(judgment.text);
      let best = REWORDED_LIKENESS;
      for (const candidate of unpaired.values()) {
        const theirs = earlierWords.get(candidate.key);
        if (!theirs) continue;
        const score = wordLikeness(theirs, mine);
        if (score >= best) {
          best = score;
          match = candidate;
        }
      }
      if (match) unpaired.delete(match.key);
    }
    return { change: classifyChange(match, judgment), current: judgment, previous: match };
  });
  for (const gone of unpaired.values()) paired.push({ change: "withdrawn", current: gone, previous: gone });
  return paired;
}
