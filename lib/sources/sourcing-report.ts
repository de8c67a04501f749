import { CITATION_NODE, citationAttrs, isUncitedParagraph } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { CREDIBILITY_GRADES, gradePair, RELIABILITY_GRADES, type Credibility, type Reliability } from "@/lib/source-grading";
import type { SourceStanding } from "./standing";
import { counted } from "@/lib/counted";

/** What the report needs of each cited source of the team. */
export interface ReportedSource {
  title: string;
  reliability: Reliability;
  standing: SourceStanding;
}

export interface ReportedCitation {
  /** Its endnote number. */
  ordinal: number;
  sourceId: string;
  title: string;
  reliability: Reliability;
  credibility: Credibility;
}

export interface SourcingReport {
  /** Paragraphs with text. */
  paragraphs: number;
  /** Of those, the ones with no citation. */
  uncited: number;
  /** The citations of the team's sources, in document order. */
  citations: ReportedCitation[];
  /** Paragraphs every citation of which is weak (reliability E or F, or credibility 5 or 6). */
  weak: number;
  /** The lowest grade pair cited in those paragraphs, e.g. "E5". */
  lowestWeakGrade: string | null;
  /** Titles of cited sources retracted, and of those downgraded since they were graded. */
  retracted: string[];
  downgraded: string[];
  /** What to warn the publisher of, one sentence each: weak sourcing, sources in question. */
  warnings: string[];
}

const WEAK_RELIABILITY: readonly Reliability[] = ["E", "F"];
const WEAK_CREDIBILITY: readonly Credibility[] = ["5", "6"];

/** A citation is weak when its source is unreliable (or cannot be judged), or the item improbable (or cannot be judged). */
export const isWeakCitation = (citation: { reliability: Reliability; credibility: Credibility }) =>
  WEAK_RELIABILITY.includes(citation.reliability) || WEAK_CREDIBILITY.includes(citation.credibility);

/** Orders grade pairs from the best (A1) to the lowest (F6): reliability first, then credibility. */
const gradeRank = (citation: { reliability: Reliability; credibility: Credibility }) =>
  RELIABILITY_GRADES.indexOf(citation.reliability) * CREDIBILITY_GRADES.length + CREDIBILITY_GRADES.indexOf(citation.credibility);


/**
 * How a text is sourced, for the publish panel: paragraphs with no citation,
 * the citations with their grade pairs, paragraphs that rest only on weak
 * sources, and cited sources since retracted or downgraded. Only the
 * citations of `sourcesById` (the team's sources) count as citations of a
 * source; a paragraph is uncited by `isUncitedParagraph`, the editor's rule.
 * It warns; it never stops a publication.
 */
export function sourcingReport(doc: DocNode, sourcesById: ReadonlyMap<string, ReportedSource>): SourcingReport {
  const citations: ReportedCitation[] = [];
  let paragraphs = 0;
  let uncited = 0;
  let weak = 0;
  let lowestWeak: ReportedCitation | null = null;

  // Without recursion: a document nested however deep cannot overflow the stack. Children in order.
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.content ?? [];
    const isTextblock = node.type === "paragraph" || children.some((child) => child.type === "text" || child.type === CITATION_NODE);
    if (!isTextblock) {
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
      continue;
    }
    // Numbered in document order wherever they stand (a heading may cite too), as the endnotes are.
    const cited = children.flatMap((child) => {
      const attrs = child.type === CITATION_NODE ? citationAttrs(child.attrs) : null;
      const source = attrs ? sourcesById.get(attrs.sourceId) : undefined;
      if (!attrs || !source) return [];
      const citation = { ordinal: citations.length + 1, sourceId: attrs.sourceId, title: source.title, reliability: source.reliability, credibility: attrs.credibility };
      citations.push(citation);
      return [citation];
    });
    if (node.type !== "paragraph") continue;
    // What counts as text is the editor's rule: the paragraph without its citations would be uncited.
    if (isUncitedParagraph({ ...node, content: children.filter((child) => child.type !== CITATION_NODE) })) paragraphs++;
    if (isUncitedParagraph(node)) uncited++;
    if (cited.length > 0 && cited.every(isWeakCitation)) {
      weak++;
      for (const citation of cited) if (!lowestWeak || gradeRank(citation) > gradeRank(lowestWeak)) lowestWeak = citation;
    }
  }

  const citedSources = [...new Set(citations.map((citation) => citation.sourceId))].map((id) => sourcesById.get(id)!);
  const retracted = citedSources.filter((source) => source.standing.state === "retracted").map((source) => source.title);
  const downgraded = citedSources.filter((source) => source.standing.state === "downgraded").map((source) => source.title);
  const lowestWeakGrade = lowestWeak ? gradePair(lowestWeak.reliability, lowestWeak.credibility) : null;

  const warnings: string[] = [];
  if (weak > 0) warnings.push(`${counted(weak, "paragraph rests", "paragraphs rest")} only on weak sources (reliability E or F, or credibility 5 or 6); the lowest cited is ${lowestWeakGrade}.`);
  if (retracted.length > 0) warnings.push(`${retracted.length === 1 ? "A source cited here has" : `${retracted.length} sources cited here have`} been retracted: ${retracted.join(", ")}.`);
  if (downgraded.length > 0) warnings.push(`${downgraded.length === 1 ? "A source cited here has" : `${downgraded.length} sources cited here have`} been downgraded: ${downgraded.join(", ")}.`);
  return { paragraphs, uncited, citations, weak, lowestWeakGrade, retracted, downgraded, warnings };
}
