import type { Node as PMNode } from "@tiptap/pm/model";
import { CITATION_NODE, citationAttrs, numberCitations, type CitationAttrs } from "@/lib/editor/citations";
import type { SourceRegister } from "./source-register";

/** The citations of a document in order, with their positions (an invalid one has no attributes and is drawn as a muted "?"). */
export function citationsIn(doc: PMNode): { pos: number; attrs: CitationAttrs | null }[] {
  const found: { pos: number; attrs: CitationAttrs | null }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === CITATION_NODE) found.push({ pos, attrs: citationAttrs(node.attrs) });
    return !node.isTextblock || node.childCount > 0;
  });
  return found;
}

const cache = new WeakMap<PMNode, { version: number; numbers: Map<number, number | null> }>();

/** The number each citation of `doc` shows, by position; read once per document and state of the register. */
export function citationNumbers(doc: PMNode, register: SourceRegister): Map<number, number | null> {
  const cached = cache.get(doc);
  if (cached && cached.version === register.version) return cached.numbers;
  const citations = citationsIn(doc);
  const numbers = numberCitations(
    citations.map((c) => c.attrs?.sourceId ?? ""),
    (id) => id !== "" && register.counts(id),
  );
  const byPosition = new Map(citations.map((c, index) => [c.pos, numbers[index]]));
  cache.set(doc, { version: register.version, numbers: byPosition });
  return byPosition;
}
