import { getExtensionField, type AnyExtension, type MarkdownTokenizer } from "@tiptap/core";

/**
 * TipTap's ordered-list and table tokenizers split the whole rest of the
 * document into lines at every block they are asked about, which makes
 * reading a long document quadratic (100 KB of headings took 20 s, 400 KB of
 * short lists 37 s). Here each is given only the lines it can read, and is
 * skipped where its first lines cannot start what it reads; what they return
 * is unchanged.
 */

/** The first `count` lines of `src`, without the rest. */
function firstLines(src: string, count: number): string {
  let end = -1;
  for (let line = 0; line < count; line++) {
    end = src.indexOf("\n", end + 1);
    if (end === -1) return src;
  }
  return src.slice(0, end);
}

// What extension-list's ORDERED_LIST_ITEM_REGEX matches, or more.
const ORDERED_ITEM_START = /^\s*(?:\d+|[ivxlcdmIVXLCDM]+|[a-zA-Z]{1,2})[.)]\s/;
// extension-table's delimiter row (| --- | --- |).
const TABLE_DELIMITER_ROW = /^[ \t|:]*-[ \t|:-]*$/;

/**
 * The part of `src` an ordered list at its start can take: it ends at the
 * first unindented line after a blank one that starts no item, which is the
 * last line the tokenizer looks at.
 */
function orderedListReach(src: string): string {
  let start = 0;
  let previousBlank = false;
  for (;;) {
    const newline = src.indexOf("\n", start);
    const end = newline === -1 ? src.length : newline;
    const line = src.slice(start, end);
    const blank = line.trim() === "";
    if (previousBlank && !blank && !/^\s/.test(line) && !ORDERED_ITEM_START.test(line)) return src.slice(0, end);
    if (newline === -1) return src;
    previousBlank = blank;
    start = newline + 1;
  }
}

function startsTable(src: string): boolean {
  const second = firstLines(src, 2).split("\n")[1];
  return second !== undefined && TABLE_DELIMITER_ROW.test(second) && second.includes("|");
}

const CHEAP_FIRST_LOOK: Record<string, (tokenizer: MarkdownTokenizer) => MarkdownTokenizer> = {
  orderedList: (tokenizer) => ({
    ...tokenizer,
    tokenize: (src, tokens, lexer) => (ORDERED_ITEM_START.test(firstLines(src, 1)) ? tokenizer.tokenize(orderedListReach(src), tokens, lexer) : undefined),
  }),
  table: (tokenizer) => {
    const { start } = tokenizer;
    return {
      ...tokenizer,
      start: typeof start === "function" ? (src) => start(firstLines(src, 2)) : start,
      tokenize: (src, tokens, lexer) => (startsTable(src) ? tokenizer.tokenize(src, tokens, lexer) : undefined),
    };
  },
};

/** The extension, with a tokenizer that reads only what it needs where it has one of those above. */
export function withCheapFirstLook(extension: AnyExtension): AnyExtension {
  const tokenizer = getExtensionField<MarkdownTokenizer | undefined>(extension, "markdownTokenizer");
  const guard = tokenizer && CHEAP_FIRST_LOOK[tokenizer.name];
  return tokenizer && guard ? extension.extend({ markdownTokenizer: guard(tokenizer) }) : extension;
}
