/**
 * Finding the sentence around a mention or before a citation. Each search
 * scans at most SENTENCE_REACH characters from where it starts, so a
 * paragraph of any length (a pasted report with no full stop) costs no more
 * than that per mention or citation: a regular expression anchored at the
 * end of the text before it would rescan the whole text for each.
 */

/** How far a sentence is looked for either way: one longer is cut to the words nearest the mention or citation. */
export const SENTENCE_REACH = 600;

export const endsSentence = (char: string | undefined) => char === "." || char === "!" || char === "?";

/** Where the sentence holding position `at` starts: just after the last full stop (or ! or ?) before it, within reach. */
export function sentenceStart(text: string, at: number): number {
  const limit = Math.max(0, at - SENTENCE_REACH);
  let start = at;
  while (start > limit && !endsSentence(text[start - 1])) start--;
  return start;
}

/** Where the sentence holding position `at` ends: after the first full stop followed by a space or the end, within reach. */
export function sentenceEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + SENTENCE_REACH);
  for (let index = at; index < limit; index++) {
    if (endsSentence(text[index]) && (index + 1 === text.length || /\s/.test(text[index + 1]))) return index + 1;
  }
  return limit;
}
