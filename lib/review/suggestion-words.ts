/** How the workflow speaks of open suggestions; no imports, so the panels in the browser say what the server says. */

const counted = (count: number) => (count === 1 ? "the open suggestion" : `the ${count} open suggestions`);

/** Why a body with open suggestions cannot be published: a brief says only what its author accepted. */
export const publishRefusal = (count: number) => `Resolve ${counted(count)} before publishing: accept or reject ${count === 1 ? "it" : "them"}.`;

/** Why an approval of a body with open suggestions waits for the reviewer to carry them, or for them to be resolved. */
export const approvalRefusal = (count: number) =>
  `This note has ${count === 1 ? "an open suggestion" : `${count} open suggestions`}: resolve ${count === 1 ? "it" : "them"} first, or approve and carry ${count === 1 ? "it" : "them"}.`;

/** What carrying suggestions into an approval means for publishing. */
export const CARRIED_SUGGESTIONS_RULE =
  "Carried suggestions must be resolved before publishing; resolving them changes the text, which will need approval again.";

/** "1 open suggestion", "2 open suggestions". */
export const openSuggestionCount = (count: number) => `${count} open suggestion${count === 1 ? "" : "s"}`;

/** What the review panel asks a reviewer about to approve a text with open suggestions. */
export const carryQuestion = (count: number) => `Resolve ${count === 1 ? "it" : "them"} first, or approve and carry ${openSuggestionCount(count)}.`;
