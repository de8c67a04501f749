import { ESTIMATIVE_LEXICON, type LexiconEntry } from "./estimative-lexicon";
import { quotedSpans } from "./likelihood";

/**
 * Reading the lexicon's expressions and the sentences out of one block's
 * text, each in one pass: every word is read once and compared with the few
 * expressions that start with it, longest first, so a paragraph of any
 * length costs in proportion to its length.
 */

export interface ExpressionFound {
  from: number;
  to: number;
  entry: LexiconEntry;
}

export interface Span {
  from: number;
  to: number;
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);
const endsSentence = (char: string | undefined) => char === "." || char === "!" || char === "?";

/** The lexicon by its first word, each list longest first. */
const BY_FIRST_WORD: Map<string, LexiconEntry[]> = (() => {
  const index = new Map<string, LexiconEntry[]>();
  for (const entry of ESTIMATIVE_LEXICON) {
    const first = entry.words.split(" ")[0];
    index.set(first, [...(index.get(first) ?? []), entry]);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

/** Where `entry` ends when it starts at `at`, or -1: case does not matter, a space matches any run of spaces, and it must end a word. */
function matchAt(text: string, at: number, entry: LexiconEntry): number {
  const words = entry.words;
  let index = at;
  for (let char = 0; char < words.length; char++) {
    if (words[char] === " ") {
      if (!isSpace(text[index])) return -1;
      while (isSpace(text[index])) index++;
    } else if (index >= text.length || text[index].toLowerCase() !== words[char]) return -1;
    else index++;
  }
  return isWordChar(text[index]) ? -1 : index;
}

/** How far back the words before an expression are read: enough for a verb or a day of the month. */
const LOOK_BACK = 40;

/** The word just before `at` (lower case) and the character before it, read within reach. */
function before(text: string, at: number): { word: string; char: string | undefined } {
  const limit = Math.max(0, at - LOOK_BACK);
  let end = at;
  while (end > limit && isSpace(text[end - 1])) end--;
  let start = end;
  while (start > limit && isWordChar(text[start - 1])) start--;
  return { word: text.slice(start, end).toLowerCase(), char: text[end - 1] };
}

const BEING = new Set(["is", "are", "was", "were", "be", "been", "being", "remains", "remain", "remained", "seems", "seem", "seemed", "appears", "appear", "appeared", "looks", "look", "now", "still", "very", "extremely"]);

/** "May" the month, not the modal: "in May", "May 2025", "on 3 May", "May 12", or capitalised where no sentence starts. */
function isMonth(text: string, from: number): boolean {
  let after = from + 3;
  while (after < text.length && after < from + 6 && isSpace(text[after])) after++;
  if (after > from + 3 && /\d/.test(text[after] ?? "")) return true;
  const previous = before(text, from);
  if (/^\d{1,2}(st|nd|rd|th)?$/.test(previous.word)) return true;
  const startsSentence = previous.char === undefined || endsSentence(previous.char) || /["“‘'(\[]/.test(previous.char);
  return text.slice(from, from + 3) === "May" && !startsSentence;
}

/** Whether the expression found reads as the estimate it looks like where it stands. */
function readsAsEstimate(text: string, from: number, entry: LexiconEntry): boolean {
  if (entry.predicative && !BEING.has(before(text, from).word)) return false;
  if (entry.words.startsWith("may") && isMonth(text, from)) return false;
  return true;
}

/**
 * The lexicon's expressions in `text` as whole words, leftmost and longest
 * first ("highly likely" is one find, not "likely" too), outside quotation
 * marks (quoted words are someone else's).
 */
export function findExpressions(text: string): ExpressionFound[] {
  const found: ExpressionFound[] = [];
  let index = 0;
  while (index < text.length) {
    if (!isWordChar(text[index]) || isWordChar(text[index - 1])) {
      index++;
      continue;
    }
    let wordEnd = index;
    while (isWordChar(text[wordEnd])) wordEnd++;
    let matched = -1;
    for (const entry of BY_FIRST_WORD.get(text.slice(index, wordEnd).toLowerCase()) ?? []) {
      const end = matchAt(text, index, entry);
      if (end !== -1 && readsAsEstimate(text, index, entry)) {
        found.push({ from: index, to: end, entry });
        matched = end;
        break;
      }
    }
    index = matched === -1 ? wordEnd : matched;
  }
  return outside(found, quotedSpans(text));
}

/** The finds that overlap no quoted span; both lists are in order, so one walk does. */
function outside(found: ExpressionFound[], quoted: Span[]): ExpressionFound[] {
  let quote = 0;
  return found.filter((expression) => {
    while (quote < quoted.length && quoted[quote].to <= expression.from) quote++;
    return !(quote < quoted.length && quoted[quote].from < expression.to);
  });
}

/** What stands in a block's text for an inline node that is not text (a mention, a citation): one character each, so offsets stay positions. */
export const INLINE_NODE = "\uFFFC";

/**
 * The sentences of `text`, in order, covering it: each ends after a full
 * stop (or ! or ?) and the citations right after it, followed by a space or
 * the end.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (!endsSentence(text[index])) continue;
    let end = index + 1;
    while (text[end] === INLINE_NODE) end++;
    if (end === text.length || isSpace(text[end])) {
      spans.push({ from: start, to: end });
      start = end;
      index = end - 1;
    }
  }
  if (start < text.length) spans.push({ from: start, to: text.length });
  return spans;
}
