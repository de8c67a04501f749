import type { Node as PMNode } from "@tiptap/pm/model";
import type { LexiconEntry } from "./estimative-lexicon";
import { findExpressions, INLINE_NODE, sentenceSpans, type ExpressionFound, type Span } from "./estimative-scan";
import type { FindingKind } from "./findings";
import { scaleTerms, type LikelihoodScale, type LikelihoodWording, type ScaleTerm } from "./likelihood";
import { estimativeMessage } from "./estimative-messages";

/**
 * The estimative-language check: a pure function of a document, the team's
 * scale and wording, and the passages set aside, that reads the text and
 * never changes it. Each block's text is scanned once (estimative-scan.ts),
 * and a scan is kept per block node where a cache is given, so the editor
 * rescans only the blocks an edit made anew.
 */

/** The judgment node's name (lib/editor/judgments.ts JUDGMENT_NODE; lib/editor imports this folder, never the reverse). */
export const JUDGMENT_NODE_NAME = "judgment";

/** How much of a long sentence a finding quotes on either side of its words. */
export const SENTENCE_QUOTE_REACH = 600;
/** The longest sentence and words a finding (and a passage set aside) holds. */
export const MAX_FINDING_SENTENCE = 2000;
export const MAX_FINDING_TERM = 200;
/** The longest reason for setting a finding aside. */
export const MAX_SET_ASIDE_REASON = 300;

/** A finding set aside on a passage: the same finding on the same words in the same sentence is not raised again. */
export interface Suppression {
  kind: FindingKind;
  term: string;
  sentence: string;
  /** Who set it aside (a name), and why. */
  by: string | null;
  reason: string;
}

export interface Finding {
  kind: FindingKind;
  /** ProseMirror positions of the words found (of the judgment's text, for a judgment's own findings). */
  from: number;
  to: number;
  /** The words as written; empty for a finding about a whole judgment. */
  term: string;
  /** The sentence they stand in, as written (a long one cut around the words). */
  sentence: string;
  message: string;
  /** Where someone set it aside, who and why. */
  setAside: Suppression | null;
}

export interface CheckOptions {
  scale: LikelihoodScale;
  wording: LikelihoodWording;
  suppressions?: readonly Suppression[];
  /** Scans of blocks already read, by node (nodes are immutable, so an unchanged block is the same node). */
  cache?: WeakMap<PMNode, BlockScan>;
}

/** What one text block says, read once. */
export interface BlockScan {
  /** The block's text, one character per inline node that is not text, so offsets are positions. */
  text: string;
  /** What stands at those characters when a sentence is quoted: a mention's label, else nothing. */
  inlineLabels: Map<number, string>;
  expressions: ExpressionFound[];
  /** The sentence each expression stands in, by the expression's index. */
  sentenceOf: Span[];
  /** For each expression, another likelihood in its sentence, if any. */
  likelihoodInSentence: (ExpressionFound | null)[];
  /** A key judgment's confidence attribute; undefined for any other block. */
  judgmentConfidence: unknown;
}

export function scanBlock(block: PMNode): BlockScan {
  const parts: string[] = [];
  const inlineLabels = new Map<number, string>();
  block.forEach((child, offset) => {
    if (child.isText) parts.push(child.text ?? "");
    else {
      parts.push(INLINE_NODE.repeat(child.nodeSize));
      inlineLabels.set(offset, typeof child.attrs.label === "string" ? child.attrs.label : "");
    }
  });
  const text = parts.join("");
  const expressions = findExpressions(text);
  const sentences = sentenceSpans(text);
  let sentence = 0;
  const sentenceOf = expressions.map((expression) => {
    while (sentences[sentence].to <= expression.from) sentence++;
    return sentences[sentence];
  });
  const likelihoodInSentence = likelihoodsBySentence(expressions, sentenceOf);
  return { text, inlineLabels, expressions, sentenceOf, likelihoodInSentence, judgmentConfidence: block.type.name === JUDGMENT_NODE_NAME ? block.attrs.confidence : undefined };
}

/** The words of `text` between two offsets as a reader sees them: mentions as their labels, citations as nothing. */
function readable(scan: BlockScan, from: number, to: number): string {
  let out = "";
  for (let index = from; index < to; index++) out += scan.text[index] === INLINE_NODE ? (scan.inlineLabels.get(index) ?? "") : scan.text[index];
  return out.replace(/\s+/g, " ").trim().slice(0, MAX_FINDING_SENTENCE);
}

/** The sentence around an expression, cut to reach on either side. */
function quotedSentence(scan: BlockScan, index: number): string {
  const { from, to } = scan.expressions[index];
  const sentence = scan.sentenceOf[index];
  return readable(scan, Math.max(sentence.from, from - SENTENCE_QUOTE_REACH), Math.min(sentence.to, to + SENTENCE_QUOTE_REACH));
}

interface ScannedBlock {
  /** Where the block's content starts. */
  start: number;
  scan: BlockScan;
}

function scanDocument(doc: PMNode, cache: WeakMap<PMNode, BlockScan> | undefined): ScannedBlock[] {
  const blocks: ScannedBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let scan = cache?.get(node);
    if (!scan) {
      scan = scanBlock(node);
      cache?.set(node, scan);
    }
    blocks.push({ start: pos + 1, scan });
    return false;
  });
  return blocks;
}

export const suppressionKey = (kind: FindingKind, term: string, sentence: string) => `${kind}\u0000${term}\u0000${sentence}`;

/** Which column a two-column scale's words are in, counted over the brief; the one used less (alternatives on a tie) is flagged when both are. */
function columnToFlag(blocks: ScannedBlock[], terms: Map<string, ScaleTerm>, options: CheckOptions): { flagged: "terms" | "alternatives"; counts: Record<"terms" | "alternatives", number> } | null {
  if (!options.scale.columns || options.wording !== "either") return null;
  const counts = { terms: 0, alternatives: 0 };
  for (const { scan } of blocks) for (const { entry } of scan.expressions) {
    const onScale = entry.kind === "likelihood" ? terms.get(entry.words) : undefined;
    if (onScale) counts[onScale.column]++;
  }
  if (counts.terms === 0 || counts.alternatives === 0) return null;
  return { flagged: counts.terms < counts.alternatives ? "terms" : "alternatives", counts };
}

/** How many findings a document is shown at most: enough for any brief, bounded for a hostile one. */
export const MOST_FINDINGS = 500;

/** The findings of a document, in document order (the first MOST_FINDINGS). */
export function checkEstimativeLanguage(doc: PMNode, options: CheckOptions): Finding[] {
  const blocks = scanDocument(doc, options.cache);
  const terms = new Map(scaleTerms(options.scale).map((term) => [term.term, term]));
  const mixed = columnToFlag(blocks, terms, options);
  const suppressed = new Map((options.suppressions ?? []).map((suppression) => [suppressionKey(suppression.kind, suppression.term, suppression.sentence), suppression]));
  const findings: Finding[] = [];
  const add = (kind: FindingKind, from: number, to: number, term: string, sentence: string, message: string) => {
    // The first findings in the text are what a writer can act on; a note that makes more says so by the count.
    if (findings.length < MOST_FINDINGS) findings.push({ kind, from, to, term, sentence, message, setAside: suppressed.get(suppressionKey(kind, term, sentence)) ?? null });
  };

  for (const { start, scan } of blocks) {
    const inJudgment = scan.judgmentConfidence !== undefined;
    let namesStep = false;
    scan.expressions.forEach((expression, index) => {
      const { entry, from, to } = expression;
      // The words as written, any run of spaces read as one (so no finding is too long to set aside).
      const term = scan.text.slice(from, to).replace(/\s+/g, " ");
      const kind = kindOf(entry, index, scan, terms, options.wording, mixed?.flagged ?? null, inJudgment, options.scale.columns !== null);
      if (entry.kind === "likelihood" && terms.has(entry.words)) namesStep = true;
      if (!kind) return;
      const sentence = quotedSentence(scan, index);
      add(kind, start + from, start + to, term, sentence, estimativeMessage({ kind, term, entry, scale: options.scale, wording: options.wording, mixedCounts: mixed?.counts, likelihoodNearby: nearbyLikelihood(scan, index) }));
    });
    if (inJudgment && scan.text.trim() !== "") {
      const end = start + scan.text.length;
      const sentence = readable(scan, 0, scan.text.length);
      if (!namesStep) add("judgment-without-likelihood", start, end, "", sentence, estimativeMessage({ kind: "judgment-without-likelihood", term: "", scale: options.scale, wording: options.wording }));
      if (scan.judgmentConfidence === null) add("judgment-without-confidence", start, end, "", sentence, estimativeMessage({ kind: "judgment-without-confidence", term: "", scale: options.scale, wording: options.wording }));
    }
  }
  return findings.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The finding an expression makes where it stands, or null. */
function kindOf(
  entry: LexiconEntry,
  index: number,
  scan: BlockScan,
  terms: Map<string, ScaleTerm>,
  wording: LikelihoodWording,
  flaggedColumn: "terms" | "alternatives" | null,
  inJudgment: boolean,
  twoColumns: boolean,
): FindingKind | null {
  if (entry.kind === "hedge") return inJudgment ? "hedge-in-judgment" : null;
  if (entry.kind === "confidence") return nearbyLikelihood(scan, index) ? "likelihood-with-confidence" : null;
  const onScale = terms.get(entry.words);
  if (!onScale) return "off-scale";
  if (twoColumns && wording !== "either" && onScale.column !== wording) return "off-scale";
  if (flaggedColumn === onScale.column) return "mixed-columns";
  return null;
}

/** The likelihood in the same sentence as the expression at `index`, if any (read once per block, in scanBlock). */
const nearbyLikelihood = (scan: BlockScan, index: number): ExpressionFound | null => scan.likelihoodInSentence[index];

/** For each expression, the first likelihood of its sentence: one walk over the sentences' groups of expressions. */
function likelihoodsBySentence(expressions: ExpressionFound[], sentenceOf: Span[]): (ExpressionFound | null)[] {
  const found: (ExpressionFound | null)[] = new Array(expressions.length).fill(null);
  let first = 0;
  while (first < expressions.length) {
    let last = first;
    while (last + 1 < expressions.length && sentenceOf[last + 1] === sentenceOf[first]) last++;
    // Another expression's likelihood: a confidence phrase is never its own.
    const likelihoods = expressions.slice(first, last + 1).filter((expression) => expression.entry.kind === "likelihood");
    for (let index = first; index <= last; index++) found[index] = likelihoods.find((likelihood) => likelihood !== expressions[index]) ?? null;
    first = last + 1;
  }
  return found;
}
