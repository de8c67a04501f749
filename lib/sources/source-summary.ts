import { CREDIBILITY_GRADES, RELIABILITY_GRADES, SOURCE_KIND_LABELS, SOURCE_KINDS, type SourceKind } from "@/lib/source-grading";
import type { Endnote } from "./endnote";
import { counted } from "@/lib/counted";

/** What the summary counts as weak: below "fairly reliable, possibly true". */
export const SUMMARY_THRESHOLD = { reliability: "C", credibility: "3" } as const;

/** Whether a citation is graded below C3: a less reliable source, or a less credible item (or one that cannot be judged). */
export const isBelowThreshold = (endnote: Pick<Endnote, "reliability" | "credibility">) =>
  RELIABILITY_GRADES.indexOf(endnote.reliability) > RELIABILITY_GRADES.indexOf(SUMMARY_THRESHOLD.reliability) ||
  CREDIBILITY_GRADES.indexOf(endnote.credibility) > CREDIBILITY_GRADES.indexOf(SUMMARY_THRESHOLD.credibility);

/** A source is one entry of the register; one gone from it is told apart by what the endnote kept. */
const sourceKey = (endnote: Endnote) => endnote.sourceId ?? `${endnote.sourceTitle}\u0000${endnote.originator}\u0000${endnote.sourceKind}`;

/**
 * The statement before the endnotes: how many sources, of which kinds, how
 * often cited, the spread of reliability and how many citations are graded
 * below C3. Null when nothing is cited (then there is no endnotes section).
 */
export function sourceSummary(endnotes: readonly Endnote[], what: "brief" | "note" = "brief"): string | null {
  if (endnotes.length === 0) return null;
  const sources = new Map(endnotes.map((endnote) => [sourceKey(endnote), endnote]));
  const kindCounts = new Map<SourceKind, number>();
  for (const source of sources.values()) kindCounts.set(source.sourceKind, (kindCounts.get(source.sourceKind) ?? 0) + 1);
  const kinds = [...kindCounts]
    .sort(([a, countA], [b, countB]) => countB - countA || SOURCE_KINDS.indexOf(a) - SOURCE_KINDS.indexOf(b))
    .map(([kind, count]) => counted(count, ...SOURCE_KIND_LABELS[kind].counted));

  const grades = endnotes.map((endnote) => RELIABILITY_GRADES.indexOf(endnote.reliability));
  const [best, worst] = [RELIABILITY_GRADES[Math.min(...grades)], RELIABILITY_GRADES[Math.max(...grades)]];
  const spread = best === worst ? `reliability is ${best}` : `reliability ranges from ${best} to ${worst}`;

  const below = endnotes.filter(isBelowThreshold).length;
  const threshold = `${SUMMARY_THRESHOLD.reliability}${SUMMARY_THRESHOLD.credibility}`;
  const weak = below === 0 ? `no citation is graded below ${threshold}` : below === 1 ? `1 citation is graded below ${threshold}` : `${below} citations are graded below ${threshold}`;

  const cited = endnotes.length === 1 ? "once" : `${endnotes.length} times`;
  return `This ${what} rests on ${counted(sources.size, "source", "sources")} (${kinds.join(", ")}) cited ${cited}; ${spread}, and ${weak}.`;
}
