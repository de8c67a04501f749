import type { JudgmentChangeView } from "./change-words";
import type { JudgmentChangeDraft } from "./edition-judgments";

/** A judgment of the text about to be published, said as an edition's would be (the publish panel). */
export function draftChangeView(draft: JudgmentChangeDraft): JudgmentChangeView {
  return {
    key: draft.key,
    change: draft.change,
    text: draft.text,
    likelihoodTerm: draft.likelihoodTerm,
    confidence: draft.confidence,
    previousText: draft.previous?.text ?? null,
    previousLikelihoodTerm: draft.previous?.likelihoodTerm ?? null,
    previousConfidence: draft.previous?.confidence ?? null,
    rationale: null,
  };
}

/** The changed judgments still waiting for their reason. */
export const awaitingReason = (changes: readonly JudgmentChangeDraft[], rationales: Readonly<Record<string, string>>) =>
  changes.filter((change) => change.needsRationale && !(Object.hasOwn(rationales, change.key) && rationales[change.key]?.trim()));
