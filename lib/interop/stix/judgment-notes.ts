import type { ConfidenceLevel, LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { CONFIDENCE_LABELS } from "@/lib/tradecraft/likelihood";
import { JUDGMENT_CHANGE_LABELS, type JudgmentChange } from "@/lib/tradecraft/judgment-changes";
import { stixId } from "./ids";
import type { StixObject } from "./objects";

/** A key judgment as the edition froze it (edition_judgments). */
export interface FrozenJudgment {
  key: string;
  ordinal: number;
  text: string;
  likelihoodRank: number | null;
  likelihoodTerm: string | null;
  confidence: ConfidenceLevel | null;
  assumptions: string;
  change: JudgmentChange;
  previousText: string | null;
  previousLikelihoodTerm: string | null;
  previousConfidence: ConfidenceLevel | null;
  rationale: string | null;
}

/**
 * Confidence as STIX counts it (0–100), by the "Low/Med/High" scale of the
 * STIX 2.1 specification's appendix on confidence scales: the value it
 * gives for each level.
 */
export const STIX_CONFIDENCE: Record<ConfidenceLevel, number> = { low: 15, moderate: 50, high: 85 };

const WITHHELD = "A key judgment of the edition before, withdrawn; its words are not repeated here.";

/** "Likely (55–80%), moderate confidence". */
function headline(judgment: FrozenJudgment, range: string | undefined): string {
  const likelihood = judgment.likelihoodTerm ? `${judgment.likelihoodTerm[0].toUpperCase()}${judgment.likelihoodTerm.slice(1)}${range ? ` (${range})` : ""}` : "No likelihood stated";
  const confidence = judgment.confidence ? `, ${CONFIDENCE_LABELS[judgment.confidence].toLowerCase()}` : "";
  return `Key judgment ${judgment.ordinal}: ${likelihood}${confidence}. ${JUDGMENT_CHANGE_LABELS[judgment.change]}.`;
}

/**
 * A key judgment as a STIX `note` on the report. Not an `opinion`: STIX's
 * opinion is agreement or disagreement with another producer's object, and
 * a key judgment is the team's own estimate, which a note carries as text
 * with the likelihood, its range and the confidence beside it.
 */
export function judgmentNote(judgment: FrozenJudgment, scale: LikelihoodScale, context: { editionId: string; reportId: string; authors: readonly string[]; common: Omit<StixObject, "type" | "id"> }): StixObject {
  const range = judgment.likelihoodRank === null ? undefined : scale.steps.find((step) => step.rank === judgment.likelihoodRank)?.range;
  return {
    type: "note",
    spec_version: "2.1",
    id: stixId("note", `judgment:${context.editionId}:${judgment.key}`),
    ...context.common,
    abstract: headline(judgment, range),
    content: judgment.text || WITHHELD,
    authors: context.authors.length > 0 ? [...context.authors] : undefined,
    object_refs: [context.reportId],
    confidence: judgment.confidence ? STIX_CONFIDENCE[judgment.confidence] : undefined,
    labels: ["key-judgment"],
    x_dossier_likelihood_term: judgment.likelihoodTerm ?? undefined,
    x_dossier_likelihood_range: range,
    x_dossier_likelihood_scale: judgment.likelihoodRank === null ? undefined : scale.name,
    x_dossier_confidence: judgment.confidence ?? undefined,
    x_dossier_assumptions: judgment.assumptions || undefined,
    x_dossier_change: judgment.change,
    x_dossier_change_reason: judgment.rationale || undefined,
    x_dossier_previous_text: judgment.previousText || undefined,
    x_dossier_previous_likelihood_term: judgment.previousLikelihoodTerm ?? undefined,
    x_dossier_previous_confidence: judgment.previousConfidence ?? undefined,
  };
}
