/**
 * The Admiralty (NATO) grading of sources and of what they report, and the
 * kinds of source a team keeps. It imports nothing, so the database schema,
 * the server and the browser's editor read the same scales.
 */

/** How far the source has proved reliable, A (best) to F (cannot be judged). */
export const RELIABILITY_GRADES = ["A", "B", "C", "D", "E", "F"] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: "Completely reliable",
  B: "Usually reliable",
  C: "Fairly reliable",
  D: "Not usually reliable",
  E: "Unreliable",
  F: "Reliability cannot be judged",
};

/** How credible one item of information is, 1 (best) to 6 (cannot be judged). */
export const CREDIBILITY_GRADES = ["1", "2", "3", "4", "5", "6"] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  "1": "Confirmed by other sources",
  "2": "Probably true",
  "3": "Possibly true",
  "4": "Doubtful",
  "5": "Improbable",
  "6": "Truth cannot be judged",
};

export const isReliability = (value: unknown): value is Reliability => RELIABILITY_GRADES.includes(value as Reliability);
export const isCredibility = (value: unknown): value is Credibility => CREDIBILITY_GRADES.includes(value as Credibility);

/** "B2": the source's reliability, then the item's credibility. */
export const gradePair = (reliability: Reliability, credibility: Credibility) => `${reliability}${credibility}`;

/** "B2 — usually reliable source, probably true", for a title or a screen reader. */
export const gradePairDescription = (reliability: Reliability, credibility: Credibility) =>
  `${gradePair(reliability, credibility)}: ${RELIABILITY_LABELS[reliability].toLowerCase()} source, ${CREDIBILITY_LABELS[credibility].toLowerCase()}`;

/**
 * Whether `to` is a lower reliability than `from`. F ("cannot be judged") is
 * no judgement at all, so a move to or from it is neither up nor down.
 */
export function isDowngrade(from: Reliability, to: Reliability): boolean {
  if (from === "F" || to === "F") return false;
  return RELIABILITY_GRADES.indexOf(to) > RELIABILITY_GRADES.indexOf(from);
}

/** The kinds of source, stored in sources.kind. */
export const SOURCE_KINDS = ["human", "document", "media", "official_statement", "imagery", "dataset", "web_page", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Each kind's name, and the words a count of them takes ("1 media report", "2 official statements"). */
export const SOURCE_KIND_LABELS: Record<SourceKind, { one: string; counted: readonly [one: string, many: string] }> = {
  human: { one: "Human source", counted: ["human source", "human sources"] },
  document: { one: "Document", counted: ["document", "documents"] },
  media: { one: "Media report", counted: ["media report", "media reports"] },
  official_statement: { one: "Official statement", counted: ["official statement", "official statements"] },
  imagery: { one: "Imagery", counted: ["imagery source", "imagery sources"] },
  dataset: { one: "Dataset", counted: ["dataset", "datasets"] },
  web_page: { one: "Web page", counted: ["web page", "web pages"] },
  other: { one: "Other", counted: ["other source", "other sources"] },
};

/** A citation's locator: where in the source (page, paragraph, timestamp, URL fragment). */
export const MAX_LOCATOR_LENGTH = 300;

/** A date the information was obtained, as the citation stores it. */
export const OBTAINED_ON = /^\d{4}-\d{2}-\d{2}$/;
