/**
 * What the estimative-language check can find in a brief, and how each is
 * explained (lib/tradecraft/estimative-check.ts finds them). No imports, so
 * the schema, the server and the editor read the same list.
 */
export const FINDING_KINDS = [
  "off-scale",
  "mixed-columns",
  "likelihood-with-confidence",
  "hedge-in-judgment",
  "judgment-without-likelihood",
  "judgment-without-confidence",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_TITLES: Record<FindingKind, string> = {
  "off-scale": "Not a word of the team's scale",
  "mixed-columns": "Both columns of the scale in one brief",
  "likelihood-with-confidence": "Likelihood and confidence in one sentence",
  "hedge-in-judgment": "A hedge in a key judgment",
  "judgment-without-likelihood": "A judgment without a likelihood",
  "judgment-without-confidence": "A judgment without a confidence level",
};
