import { findExpressions } from "./estimative-scan";
import { stepOf, type LikelihoodScale, type ScaleTerm } from "./likelihood";

export interface TermFound {
  from: number;
  to: number;
  entry: ScaleTerm;
}

/**
 * Where `text` says how likely something is in the words of `scale`: the
 * estimative check's reading of the text (whole words, longest first,
 * nothing quoted, "remote" only as a verdict, "May" the month not at all),
 * kept to the expressions the scale has. So "highly likely" under ICD 203 is
 * no step at all, not "likely", and a judgment's likelihood is what the
 * check reads in it.
 */
export function findScaleTerms(text: string, scale: LikelihoodScale): TermFound[] {
  return findExpressions(text).flatMap((found) => {
    if (found.entry.kind !== "likelihood") return [];
    const entry = stepOf(scale, found.entry.words);
    return entry ? [{ from: found.from, to: found.to, entry }] : [];
  });
}

const capitalised = (words: string) => `${words[0].toUpperCase()}${words.slice(1)}`;

/** How a likelihood reads beside its judgment, in the brief's own words with the step's range: "Likely (55–80%)". */
export function likelihoodWords(term: TermFound): string {
  return `${capitalised(term.entry.term)} (${term.entry.step.range})`;
}
