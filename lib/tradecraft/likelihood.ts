/**
 * The words of estimative probability a team may write its judgments in.
 * A scale is data: its steps in order, each with the probability it stands
 * for and the words that say it, in one or two columns (ICD 203 offers a
 * term and an alternative for each step; a brief keeps to one). No imports,
 * so the schema, the server and the editor read the same file.
 */

export const LIKELIHOOD_SCALE_IDS = ["icd203", "phia"] as const;
export type LikelihoodScaleId = (typeof LIKELIHOOD_SCALE_IDS)[number];

/** Which column of a two-column scale a team writes in; "either" lets a brief choose, but not mix. */
export const LIKELIHOOD_WORDINGS = ["either", "terms", "alternatives"] as const;
export type LikelihoodWording = (typeof LIKELIHOOD_WORDINGS)[number];

export interface LikelihoodStep {
  /** 1 is the least likely; a higher rank is a raised likelihood. */
  rank: number;
  /** How the probability is written beside the term: "55–80%". */
  range: string;
  /** The words of the first column; the first is how the step is named. */
  terms: readonly string[];
  /** The words of the second column (ICD 203's alternatives), or none. */
  alternatives: readonly string[];
}

export interface LikelihoodScale {
  id: LikelihoodScaleId;
  name: string;
  /** A line for the settings page. */
  description: string;
  /** The heading of each column, where the scale has two. */
  columns: { terms: string; alternatives: string } | null;
  steps: readonly LikelihoodStep[];
}

export const LIKELIHOOD_SCALES: Record<LikelihoodScaleId, LikelihoodScale> = {
  icd203: {
    id: "icd203",
    name: "ICD 203",
    description: "The US standard: seven steps, each with a term and an alternative; a brief keeps to one column.",
    columns: { terms: "Terms (likely, very likely…)", alternatives: "Alternatives (probable, highly probable…)" },
    steps: [
      { rank: 1, range: "1–5%", terms: ["almost no chance"], alternatives: ["remote"] },
      { rank: 2, range: "5–20%", terms: ["very unlikely"], alternatives: ["highly improbable"] },
      { rank: 3, range: "20–45%", terms: ["unlikely"], alternatives: ["improbable"] },
      { rank: 4, range: "45–55%", terms: ["roughly even chance"], alternatives: ["roughly even odds"] },
      { rank: 5, range: "55–80%", terms: ["likely"], alternatives: ["probable"] },
      { rank: 6, range: "80–95%", terms: ["very likely"], alternatives: ["highly probable"] },
      { rank: 7, range: "95–99%", terms: ["almost certain", "almost certainly"], alternatives: ["nearly certain", "nearly certainly"] },
    ],
  },
  phia: {
    id: "phia",
    name: "PHIA probability yardstick",
    description: "The UK standard: seven steps with deliberate gaps between their ranges.",
    columns: null,
    steps: [
      { rank: 1, range: "≤5%", terms: ["remote chance"], alternatives: [] },
      { rank: 2, range: "10–20%", terms: ["highly unlikely"], alternatives: [] },
      { rank: 3, range: "25–35%", terms: ["unlikely"], alternatives: [] },
      { rank: 4, range: "40–50%", terms: ["realistic possibility"], alternatives: [] },
      { rank: 5, range: "55–75%", terms: ["likely", "probably"], alternatives: [] },
      { rank: 6, range: "80–90%", terms: ["highly likely"], alternatives: [] },
      { rank: 7, range: "≥95%", terms: ["almost certain", "almost certainly"], alternatives: [] },
    ],
  },
};

export const DEFAULT_LIKELIHOOD_SCALE: LikelihoodScaleId = "icd203";

export const CONFIDENCE_LEVELS = ["high", "moderate", "low"] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = {
  high: "High confidence",
  moderate: "Moderate confidence",
  low: "Low confidence",
};

export function isConfidenceLevel(value: unknown): value is ConfidenceLevel {
  return typeof value === "string" && (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}


export interface ScaleTerm {
  /** The words as the scale writes them, lower case. */
  term: string;
  step: LikelihoodStep;
  column: "terms" | "alternatives";
}

/** Every word of a scale with its step and column, longest first (so "very likely" is read before "likely"). */
export function scaleTerms(scale: LikelihoodScale): ScaleTerm[] {
  const all = scale.steps.flatMap((step) => [
    ...step.terms.map((term) => ({ term, step, column: "terms" as const })),
    ...step.alternatives.map((term) => ({ term, step, column: "alternatives" as const })),
  ]);
  return all.sort((a, b) => b.term.length - a.term.length);
}

/** The step a scale's words name, or null: "Very likely" → rank 6 under ICD 203. */
export function stepOf(scale: LikelihoodScale, words: string): ScaleTerm | null {
  const wanted = words.trim().toLowerCase();
  return scaleTerms(scale).find((entry) => entry.term === wanted) ?? null;
}


/**
 * The spans of `text` inside quotation marks (straight or curly double
 * quotes): words quoted are someone else's, not the brief's estimate.
 */
export function quotedSpans(text: string): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  let open: number | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (open === null && (char === "“" || char === '"')) open = index;
    else if (open !== null && (char === "”" || char === '"')) {
      spans.push({ from: open, to: index + 1 });
      open = null;
    }
  }
  return spans;
}
