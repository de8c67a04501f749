import type { DocNode } from "./document";
import { isSafeHref } from "./extensions";
import { entityKind, mentionKind } from "@/lib/entity-kinds";
import { CITATION_NODE, citationAttrs } from "./citations";
import { JUDGMENT_NODE, judgmentAttrs } from "./judgments";
import { MENTION_NODE } from "./mentions";
import { isTlpLevel } from "@/lib/tradecraft/tlp";
import { BLOCK_SUGGESTION_ATTRIBUTE, isBlockSuggestion } from "./suggestions/model";

const textOrNull = (value: unknown) => (value === null || value === undefined ? null : typeof value === "string" ? value : null);

/** Attributes of the kinds the renderers expect, whatever an old or hostile document holds. */
function cleanAttrs(node: DocNode): Record<string, unknown> | undefined {
  if (!node.attrs) return node.attrs;
  // A portion mark is kept only when it is a TLP level, and a block's suggestion only when it is one, and each is left out
  // when there is none, so a block without them reads as it did before they existed.
  const { marking, [BLOCK_SUGGESTION_ATTRIBUTE]: suggestion, ...plain } = node.attrs;
  const attrs: Record<string, unknown> = { ...plain, ...(isTlpLevel(marking) ? { marking } : {}), ...(isBlockSuggestion(suggestion) ? { [BLOCK_SUGGESTION_ATTRIBUTE]: suggestion } : {}) };
  if (node.type === JUDGMENT_NODE) return { ...attrs, ...judgmentAttrs(attrs) };
  if (node.type === MENTION_NODE) {
    const char = entityKind(mentionKind(attrs.mentionSuggestionChar)).trigger;
    return { ...attrs, id: textOrNull(attrs.id), label: textOrNull(attrs.label), mentionSuggestionChar: char };
  }
  // A citation with any attribute out of bounds cites nothing: it stays in the document, citing no source.
  if (node.type === CITATION_NODE) return { ...(citationAttrs(attrs) ?? { id: null, sourceId: null, credibility: "6", locator: "", obtainedOn: null }) };
  if (node.type === "heading") return { ...attrs, level: Math.min(Math.max(Math.trunc(Number(attrs.level)) || 2, 1), 3) };
  if (node.type === "orderedList") return { ...attrs, start: Math.max(Math.trunc(Number(attrs.start)) || 1, 1) };
  return attrs;
}

/**
 * Drops what the schema would accept but must never reach a reader: links
 * whose address is not http(s) or mailto (javascript:, data:, …) lose their
 * link and keep their text, and attributes of the wrong kind (a mention whose
 * label is not text) are replaced. A block without a portion mark or a
 * suggestion of its own carries no attribute for either.
 */
export function sanitizeContent(doc: DocNode): DocNode {
  const clean = (node: DocNode): DocNode => {
    const { attrs: _attrs, ...rest } = node;
    const attrs = node.attrs ? cleanAttrs(node) : undefined;
    return {
      ...rest,
      ...(attrs && Object.keys(attrs).length > 0 ? { attrs } : {}),
      ...(node.marks ? { marks: node.marks.filter((mark) => mark.type !== "link" || isSafeHref(String(mark.attrs?.href ?? ""))) } : {}),
    };
  };
  // Without recursion, so a document nested however deep cannot overflow the stack.
  const root = clean(doc);
  const stack: DocNode[] = [root];
  while (stack.length > 0) {
    const copy = stack.pop()!;
    if (!copy.content) continue;
    copy.content = copy.content.map(clean);
    for (const child of copy.content) stack.push(child);
  }
  return root;
}
