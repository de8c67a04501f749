/**
 * Transaction meta that marks an accept or reject of suggestions. The editor's
 * Suggesting mode lets such a transaction through untouched, so deciding a
 * suggestion is never turned into a new suggestion.
 */
export const SUGGESTION_DECISION_META = "suggestionDecision";
