export const SUGGESTION_DECISION_META = "suggestionDecision";
