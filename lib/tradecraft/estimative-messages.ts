import type { ExpressionFound } from "./estimative-scan";
import type { LexiconEntry } from "./estimative-lexicon";
import type { FindingKind } from "./findings";
import type { LikelihoodScale, LikelihoodStep, LikelihoodWording } from "./likelihood";

/** What a finding says to the writer: what is wrong and what the scale would have them write. */

type Column = "terms" | "alternatives";

interface MessageFacts {
  kind: FindingKind;
  /** The words as written. */
  term: string;
  entry?: LexiconEntry;
  scale: LikelihoodScale;
  wording: LikelihoodWording;
  mixedCounts?: Record<Column, number>;
  likelihoodNearby?: ExpressionFound | null;
}

const q = (words: string) => `“${words}”`;

/** The scale's word for a step in a column (the terms where the column has none). */
function wordOf(step: LikelihoodStep, column: Column): string {
  return (column === "alternatives" ? step.alternatives[0] : undefined) ?? step.terms[0];
}

/** The step a word of the scale stands at, and its column. */
function placeOf(scale: LikelihoodScale, words: string): { step: LikelihoodStep; column: Column } | null {
  for (const step of scale.steps) {
    if (step.terms.includes(words)) return { step, column: "terms" };
    if (step.alternatives.includes(words)) return { step, column: "alternatives" };
  }
  return null;
}

/** "terms (likely, very likely…)": the column's heading, as words in a sentence. */
const columnName = (scale: LikelihoodScale, column: Column) => {
  const heading = scale.columns ? scale.columns[column] : column;
  return heading.charAt(0).toLowerCase() + heading.slice(1);
};

function offScale({ term, entry, scale, wording }: MessageFacts): string {
  const place = entry && placeOf(scale, entry.words);
  const column: Column = wording === "alternatives" ? "alternatives" : "terms";
  if (place && scale.columns)
    return `${q(term)} is one of ${scale.name}'s ${columnName(scale, place.column)}; the team writes in its ${columnName(scale, column)}: write ${q(wordOf(place.step, column))} (${place.step.range}).`;
  const nearest = entry?.rank ? scale.steps.find((step) => step.rank === entry.rank) : undefined;
  return nearest
    ? `${q(term)} is not a word of the ${scale.name} scale: the nearest step is ${q(wordOf(nearest, column))} (${nearest.range}).`
    : `${q(term)} is not a word of the ${scale.name} scale: say how likely with one of its steps.`;
}

function mixedColumns({ term, entry, scale, mixedCounts }: MessageFacts): string {
  const place = entry && placeOf(scale, entry.words);
  if (!place || !scale.columns || !mixedCounts) return `${q(term)} mixes the columns of the ${scale.name} scale.`;
  const kept: Column = place.column === "terms" ? "alternatives" : "terms";
  return `This brief writes in both columns of ${scale.name}: ${mixedCounts.terms} of its ${columnName(scale, "terms")} and ${mixedCounts.alternatives} of its ${columnName(scale, "alternatives")}. Keep to one: ${q(wordOf(place.step, kept))} rather than ${q(term)}.`;
}

export function estimativeMessage(facts: MessageFacts): string {
  switch (facts.kind) {
    case "off-scale":
      return offScale(facts);
    case "mixed-columns":
      return mixedColumns(facts);
    case "likelihood-with-confidence":
      return `${q(facts.term)} stands in the same sentence as a likelihood${facts.likelihoodNearby ? ` (${q(facts.likelihoodNearby.entry.words)})` : ""}: state confidence in a sentence of its own.`;
    case "hedge-in-judgment":
      return `${q(facts.term)} hedges a key judgment: say how likely it is with a step of the ${facts.scale.name} scale.`;
    case "judgment-without-likelihood":
      return `This judgment names no step of the ${facts.scale.name} scale: say how likely it is.`;
    case "judgment-without-confidence":
      return "This judgment has no confidence level: choose high, moderate or low.";
  }
}
