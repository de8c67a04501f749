import { CONFIDENCE_LABELS, isConfidenceLevel, type ConfidenceLevel, type LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { findScaleTerms, likelihoodWords } from "@/lib/tradecraft/scale-terms";
import { CITATION_NODE, citationAttrs } from "./citations";
import type { DocNode } from "./document";
import { MENTION_NODE } from "./mentions";

/**
 * Key judgments: a block of judgment items, placed at the top of a note.
 * Each item is one sentence of prose (co-edited like any text, citations
 * inline), with its confidence level and key assumptions as attributes. Its
 * likelihood is the scale's words its sentence uses: the prose is the one
 * place it is written, so the two can never disagree.
 */
export const KEY_JUDGMENTS_NODE = "keyJudgments";
export const JUDGMENT_NODE = "judgment";

/** How long a judgment's key assumptions may be. */
export const MAX_ASSUMPTIONS_LENGTH = 1000;

export interface JudgmentAttrs {
  /** The item's own id, made when it is inserted: its identity across edits, moves and editions. */
  id: string | null;
  confidence: ConfidenceLevel | null;
  assumptions: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The checks on each attribute of a judgment: the update guard and sanitising apply the same ones. */
export const JUDGMENT_ATTRIBUTE_CHECKS: Record<keyof JudgmentAttrs, (value: unknown) => boolean> = {
  id: (value) => value === null || (typeof value === "string" && ID.test(value)),
  confidence: (value) => value === null || isConfidenceLevel(value),
  assumptions: (value) => typeof value === "string" && value.length <= MAX_ASSUMPTIONS_LENGTH,
};

/** A judgment's attributes, each one that is out of bounds replaced by its default. */
export function judgmentAttrs(attrs: Record<string, unknown> | undefined): JudgmentAttrs {
  const valid = <K extends keyof JudgmentAttrs>(key: K, fallback: JudgmentAttrs[K]) =>
    JUDGMENT_ATTRIBUTE_CHECKS[key](attrs?.[key] ?? fallback) ? ((attrs?.[key] ?? fallback) as JudgmentAttrs[K]) : fallback;
  return { id: valid("id", null), confidence: valid("confidence", null), assumptions: valid("assumptions", "") };
}


export interface JudgmentFound {
  /** Its id, or where it stands when it has none or shares one: unique within the document. */
  key: string;
  /** 1 for the first judgment of the document. */
  ordinal: number;
  text: string;
  /** The scale's step its sentence names (the first, where it names more), or null. */
  likelihood: { rank: number; term: string } | null;
  confidence: ConfidenceLevel | null;
  assumptions: string;
  /** The sources its citations cite, in order, each once. */
  sourceIds: string[];
}

/** The text a judgment's sentence reads as: mentions as their labels, citations as nothing. */
export function judgmentText(node: DocNode): string {
  return (node.content ?? [])
    .map((child) => (child.type === MENTION_NODE ? String(child.attrs?.label ?? "") : child.type === "text" ? (child.text ?? "") : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** The judgments of a document in document order, wherever their blocks stand. */
export function extractJudgments(doc: DocNode, scale: LikelihoodScale): JudgmentFound[] {
  const found: JudgmentFound[] = [];
  const seen = new Set<string>();
  // Without recursion, so a document nested however deep cannot overflow the stack; children are visited in order.
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === JUDGMENT_NODE) {
      const attrs = judgmentAttrs(node.attrs);
      const ordinal = found.length + 1;
      // A pasted copy shares its original's id until the editor gives it its own; the copy is then known by its place,
      // written with a "#" no id may hold, so no id can take a place's key.
      const key = attrs.id && !seen.has(attrs.id) ? attrs.id : `#${ordinal}`;
      seen.add(key);
      const text = judgmentText(node);
      const term = findScaleTerms(text, scale)[0];
      const sourceIds = (node.content ?? []).filter((child) => child.type === CITATION_NODE).flatMap((child) => citationAttrs(child.attrs)?.sourceId ?? []);
      found.push({
        key,
        ordinal,
        text,
        likelihood: term ? { rank: term.entry.step.rank, term: term.entry.term } : null,
        confidence: attrs.confidence,
        assumptions: attrs.assumptions,
        sourceIds: [...new Set(sourceIds)],
      });
      continue;
    }
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return found;
}

/**
 * How a judgment is assessed, as the reading view, exports and feeds show it
 * under its sentence: "Likely (55–80%)" in the brief's own words (none
 * without the scale it was written in) and "Moderate confidence".
 */
export function judgmentAssessment(node: DocNode, scale: LikelihoodScale | undefined): string[] {
  const attrs = judgmentAttrs(node.attrs);
  const term = scale ? findScaleTerms(judgmentText(node), scale)[0] : undefined;
  return [term ? likelihoodWords(term) : null, attrs.confidence ? CONFIDENCE_LABELS[attrs.confidence] : null].filter((part): part is string => part !== null);
}
