import { isCredibility, MAX_LOCATOR_LENGTH, OBTAINED_ON, type Credibility } from "@/lib/source-grading";
import type { DocNode } from "./document";
import { MENTION_NODE } from "./mentions";

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

/** The sentence of `text` that ends at `at` (a citation follows the passage it supports, often after its full stop). */
export function sentenceBefore(text: string, at: number): string {
  const before = text.slice(0, at).trimEnd();
  const body = before.replace(/[.!?]+$/, "");
  const start = body.search(/[^.!?]*$/);
  return before.slice(Math.max(start, 0)).trim();
}

/** Walks a ProseMirror document and gathers its valid citations in document order. */
export function extractCitations(doc: DocNode): CitationFound[] {
  const found: CitationFound[] = [];
  const visitTextblock = (block: DocNode) => {
    let text = "";
    for (const child of block.content ?? []) {
      if (child.type === CITATION_NODE) {
        const attrs = citationAttrs(child.attrs);
        if (attrs) found.push({ ...attrs, ordinal: found.length + 1, sentence: sentenceBefore(text, text.length) });
      } else if (child.type === MENTION_NODE) text += String(child.attrs?.label ?? "");
      else text += child.text ?? "";
    }
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

/**
 * Whether a node is a paragraph that makes a claim and cites nothing: a
 * `paragraph` with text that is not only whitespace (a mention's label
 * counts as text) and no `citation` node. Headings and code blocks are not
 * paragraphs, so never uncited.
 */
export function isUncitedParagraph(node: DocNode): boolean {
  if (node.type !== "paragraph") return false;
  const inline = node.content ?? [];
  if (inline.some((child) => child.type === CITATION_NODE)) return false;
  return inline.some((child) => (child.type === MENTION_NODE ? String(child.attrs?.label ?? "") : (child.text ?? "")).trim() !== "");
}
