import { LIKELIHOOD_SCALES } from "./likelihood";

/**
 * The expressions the estimative-language check looks for, as data: every
 * word of every scale, the common ways of saying how likely something is
 * that no scale of ours uses, the hedges a key judgment should not lean on,
 * and the ways of stating a confidence level. No imports but the scales, so
 * the server and the editor read the same list.
 */

export type LexiconKind = "likelihood" | "hedge" | "confidence";

export interface LexiconEntry {
  /** Lower case, words separated by one space; any run of spaces in the text matches the space. */
  words: string;
  kind: LexiconKind;
  /** For a likelihood: the step (1–7) it comes nearest to, for suggesting the scale's word; null when it names none. */
  rank: number | null;
  /** Counts only after a verb of being ("the chance is remote"), not as an adjective ("a remote village"). */
  predicative?: boolean;
}

/** Likelihoods no scale of ours writes, with the step each comes nearest to. */
const OTHER_LIKELIHOODS: [string, number | null][] = [
  ["no chance", 1],
  ["little chance", 1],
  ["slim chance", 1],
  ["remote possibility", 1],
  ["remote prospect", 1],
  ["extremely unlikely", 1],
  ["very doubtful", 2],
  ["highly doubtful", 2],
  ["doubtful", 3],
  ["even chance", 4],
  ["even odds", 4],
  ["fifty-fifty", 4],
  ["50-50", 4],
  ["toss-up", 4],
  ["fair chance", 4],
  ["real chance", 4],
  ["real possibility", 4],
  ["distinct possibility", 4],
  ["serious possibility", 4],
  ["may well", 4],
  ["might well", 4],
  ["could well", 4],
  ["good chance", 5],
  ["strong chance", 5],
  ["strong possibility", 5],
  ["chances are", 5],
  ["more likely than not", 5],
  ["probably", 5],
  ["very probably", 6],
  ["in all likelihood", 6],
  ["extremely likely", 6],
  ["highly likely", 6],
  ["highly unlikely", 2],
  ["virtually certain", 7],
  ["virtually certainly", 7],
  ["all but certain", 7],
  ["near certainty", 7],
];

/** Words that soften a key judgment instead of saying how likely it is. */
const HEDGES = ["could", "might", "may", "possibly", "perhaps"];

/** Ways of stating a confidence level; "a vote of confidence" and "confidence-building" are none of them. */
const CONFIDENCE_PHRASES = [
  ...["high", "moderate", "medium", "low"].flatMap((level) => [`${level} confidence`, `${level}-confidence`, `confidence is ${level}`]),
  ...["highly", "moderately", "fairly", "reasonably", "very"].map((degree) => `${degree} confident`),
  "we are confident",
];

function buildLexicon(): LexiconEntry[] {
  const entries = new Map<string, LexiconEntry>();
  for (const scale of Object.values(LIKELIHOOD_SCALES))
    for (const step of scale.steps)
      for (const words of [...step.terms, ...step.alternatives])
        entries.set(words, { words, kind: "likelihood", rank: step.rank, predicative: words === "remote" });
  for (const [words, rank] of OTHER_LIKELIHOODS) if (!entries.has(words)) entries.set(words, { words, kind: "likelihood", rank });
  for (const words of HEDGES) entries.set(words, { words, kind: "hedge", rank: null });
  for (const words of CONFIDENCE_PHRASES) entries.set(words, { words, kind: "confidence", rank: null });
  return [...entries.values()];
}

export const ESTIMATIVE_LEXICON: readonly LexiconEntry[] = buildLexicon();
