import type { CitationAttrs } from "@/lib/editor/citations";
import type { LookedUpSource, LookedUpStanding } from "@/lib/sources/lookup-wire";
import { gradePair, gradePairDescription, SOURCE_KIND_LABELS } from "@/lib/source-grading";

const day = (iso: string) => iso.slice(0, 10);

/** Why a source is in question, in one sentence, or null when it stands. */
export function standingWarning(standing: LookedUpStanding): string | null {
  if (standing.state === "retracted") return `Source retracted on ${day(standing.at)}: ${standing.reason}`;
  if (standing.state === "downgraded") return `Source downgraded from ${standing.from} to ${standing.to} on ${day(standing.at)}: ${standing.reason}`;
  return null;
}

/** "Citation 3: Wire report, B2", what a screen reader says of a citation. */
export function citationName(number: number | null, attrs: CitationAttrs, source: LookedUpSource | null): string {
  if (!source || number === null) return "Citation: source not found";
  return `Citation ${number}: ${source.title}, ${gradePair(source.reliability, attrs.credibility)}`;
}

/** The lines of a citation's popover: the grade pair and what it means, then what and where in the source. */
export function citationDetails(attrs: CitationAttrs, source: LookedUpSource): { label: string; value: string }[] {
  const lines = [
    { label: "Grade", value: gradePairDescription(source.reliability, attrs.credibility) },
    { label: "Source", value: `${source.title} (${SOURCE_KIND_LABELS[source.kind].one.toLowerCase()})` },
  ];
  if (source.originator) lines.push({ label: "Originator", value: source.originator });
  if (attrs.locator) lines.push({ label: "Locator", value: attrs.locator });
  if (attrs.obtainedOn) lines.push({ label: "Obtained", value: attrs.obtainedOn });
  return lines;
}
