import { isCredibility, MAX_LOCATOR_LENGTH, OBTAINED_ON, type Credibility } from "@/lib/source-grading";
import type { DocNode } from "./document";
import { MENTION_NODE } from "./mentions";
import { endsSentence, SENTENCE_REACH, sentenceStart } from "./sentences";

/**
 * The node that cites a source: an inline atom placed after the passage it
 * supports, shown as a superscript number. It carries the citation (which
 * source, how credible this item is, where in the source, when obtained);
 * the source's own grade is read from the register.
 */
export const CITATION_NODE = "citation";

export interface CitationAttrs {
  /** The citation's own id, made when it is inserted. */
  id: string;
  sourceId: string;
  credibility: Credibility;
  locator: string;
  /** YYYY-MM-DD, or null when not given. */
  obtainedOn: string | null;
}

export interface CitationFound extends CitationAttrs {
  /** 1 for the first citation in the document. */
  ordinal: number;
  /** The sentence the citation stands in, up to it: what it supports. */
  sentence: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a date string is a real day of the calendar. */
const isRealDay = (value: string) => OBTAINED_ON.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The checks on each attribute of a citation node: the update guard and the extraction apply the same ones. */
export const CITATION_ATTRIBUTE_CHECKS: Record<keyof CitationAttrs, (value: unknown) => boolean> = {
  id: (value) => typeof value === "string" && ID.test(value),
  sourceId: (value) => typeof value === "string" && UUID.test(value),
  credibility: isCredibility,
  locator: (value) => typeof value === "string" && value.length <= MAX_LOCATOR_LENGTH,
  obtainedOn: (value) => value === null || (typeof value === "string" && isRealDay(value)),
};

/** A citation node's attributes when every one is valid, or null (the citation is then not one: never kept or rendered). */
export function citationAttrs(attrs: Record<string, unknown> | undefined): CitationAttrs | null {
  if (!attrs) return null;
  const keys = Object.keys(CITATION_ATTRIBUTE_CHECKS) as (keyof CitationAttrs)[];
  if (!keys.every((key) => CITATION_ATTRIBUTE_CHECKS[key](attrs[key] ?? (key === "obtainedOn" ? null : undefined)))) return null;
  return {
    id: attrs.id as string,
    sourceId: (attrs.sourceId as string).toLowerCase(),
    credibility: attrs.credibility as Credibility,
    locator: attrs.locator as string,
    obtainedOn: (attrs.obtainedOn as string | null | undefined) ?? null,
  };
}

/**
 * A citation pasted as HTML (its `data-citation` attribute): only a valid
 * citation from another note parses as one; another page's markup, or a value
 * out of bounds, is none, so no paste can give the server an edit it refuses.
 */
export function citationFromPastedHtml(data: string | null): CitationAttrs | false {
  try {
    return citationAttrs(JSON.parse(data ?? "") as Record<string, unknown>) ?? false;
  } catch {
    return false;
  }
}

/**
 * Where in `text` the sentence that ends at `at` lies (a citation follows the
 * passage it supports, often after its full stop), within SENTENCE_REACH.
 */
export function sentenceRangeBefore(text: string, at: number): { from: number; to: number } {
  const limit = Math.max(0, at - SENTENCE_REACH);
  let to = at;
  while (to > limit && /\s/.test(text[to - 1])) to--;
  let body = to;
  while (body > limit && endsSentence(text[body - 1])) body--;
  let from = sentenceStart(text, body);
  while (from < to && /\s/.test(text[from])) from++;
  return { from, to };
}

/** The sentence of `text` that ends at `at`: what a citation placed there supports. */
export function sentenceBefore(text: string, at: number): string {
  const { from, to } = sentenceRangeBefore(text, at);
  return text.slice(from, to);
}

/** The text a child of a text block reads as: a mention's label, a citation nothing. */
const readAs = (child: DocNode) => (child.type === MENTION_NODE ? String(child.attrs?.label ?? "") : (child.text ?? ""));
/** How many positions a child takes in ProseMirror: its characters if text, one if an inline node. */
const widthOf = (child: DocNode) => (child.type === "text" ? (child.text ?? "").length : 1);

/**
 * Each valid citation of a text block with the sentence it supports, as a
 * range of positions inside the block (0 = before its first child), the
 * sentence `extractCitations` records: the editor marks that passage when the
 * source is in question.
 */
export function citedSentences(block: DocNode): { citation: CitationAttrs; from: number; to: number }[] {
  // Each child's place in the read text and in the block's positions, and each citation's.
  const pieces: { text: number; length: number; at: number; width: number }[] = [];
  const cited: { citation: CitationAttrs; text: number; at: number }[] = [];
  const read: string[] = [];
  let length = 0;
  let at = 0;
  for (const child of block.content ?? []) {
    if (child.type === CITATION_NODE) {
      const citation = citationAttrs(child.attrs);
      if (citation) cited.push({ citation, text: length, at });
    } else {
      const piece = readAs(child);
      pieces.push({ text: length, length: piece.length, at, width: widthOf(child) });
      read.push(piece);
      length += piece.length;
    }
    at += widthOf(child);
  }
  // Joined once: reading a string while it grows would copy it whole for each citation.
  const text = read.join("");
  const position = (offset: number, end: boolean, fallback: number) => {
    const piece = pieces.find((p) => (end ? offset > p.text && offset <= p.text + p.length : offset >= p.text && offset < p.text + p.length));
    if (!piece) return end ? fallback : 0;
    if (piece.width === piece.length) return piece.at + (offset - piece.text);
    return end ? piece.at + piece.width : piece.at;
  };
  return cited.flatMap(({ citation, text: textAt, at: citationAt }) => {
    const range = sentenceRangeBefore(text, textAt);
    return range.to > range.from ? [{ citation, from: position(range.from, false, citationAt), to: position(range.to, true, citationAt) }] : [];
  });
}

/**
 * Whether a paragraph makes a claim with nothing cited: it has words and no
 * citation. Headings, empty paragraphs and code are not claims to source.
 */
export function isUncitedParagraph(node: DocNode): boolean {
  if (node.type !== "paragraph") return false;
  const children = node.content ?? [];
  if (children.some((child) => child.type === CITATION_NODE)) return false;
  return children.some((child) => readAs(child).trim() !== "");
}

/**
 * The number each citation shows, in document order: a citation of a source
 * the team's register does not have is dropped (as the server drops it) and
 * takes no number.
 */
export function numberCitations(sourceIds: readonly string[], isKnown: (sourceId: string) => boolean): (number | null)[] {
  let next = 0;
  return sourceIds.map((id) => (isKnown(id) ? ++next : null));
}

/** Walks a ProseMirror document and gathers its valid citations in document order. */
export function extractCitations(doc: DocNode): CitationFound[] {
  const found: CitationFound[] = [];
  const visitTextblock = (block: DocNode) => {
    // The block's text is joined once, then each sentence is read from it: reading a string while it grows would copy it whole each time.
    const pieces: string[] = [];
    const cited: { attrs: CitationAttrs; at: number }[] = [];
    let length = 0;
    for (const child of block.content ?? []) {
      if (child.type === CITATION_NODE) {
        const attrs = citationAttrs(child.attrs);
        if (attrs) cited.push({ attrs, at: length });
      } else {
        const read = readAs(child);
        pieces.push(read);
        length += read.length;
      }
    }
    const text = pieces.join("");
    for (const { attrs, at } of cited) found.push({ ...attrs, ordinal: found.length + 1, sentence: sentenceBefore(text, at) });
  };
  // Without recursion, so a document nested however deep cannot overflow the stack; children are visited in order.
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.content ?? [];
    if (children.some((child) => child.type === "text" || child.type === MENTION_NODE || child.type === CITATION_NODE)) visitTextblock(node);
    else for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return found;
}
