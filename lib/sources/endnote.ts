import { gradePair, gradePairDescription, SOURCE_KIND_LABELS, type Credibility, type Reliability, type SourceKind } from "@/lib/source-grading";

/**
 * One endnote as readers see it: an edition's frozen citation
 * (edition_citations), or a draft's citation with its source as it stands.
 */
export interface Endnote {
  /** Its number, as the citation in the text shows it. */
  ordinal: number;
  /** Null once the source is gone from the register; the endnote keeps what was published. */
  sourceId: string | null;
  sourceTitle: string;
  sourceKind: SourceKind;
  originator: string;
  reliability: Reliability;
  credibility: Credibility;
  locator: string;
  obtainedOn: string | null;
}


export const endnoteGrade = (endnote: Endnote) => gradePair(endnote.reliability, endnote.credibility);
export const endnoteGradeDescription = (endnote: Endnote) => gradePairDescription(endnote.reliability, endnote.credibility);

/** "media report", as a sentence names a source's kind. */
export const kindLabel = (kind: SourceKind) => SOURCE_KIND_LABELS[kind].one.toLowerCase();

/** The sources whose citations the text numbers (documentToHtml's `citedSources`), in step with the endnotes. */
export const citedSourceIds = (endnotes: readonly Endnote[]): Set<string> =>
  new Set(endnotes.map((endnote) => endnote.sourceId).filter((id): id is string => id !== null));
