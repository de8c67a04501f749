import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { DocNode } from "@/lib/editor/document";
import { noteSchema } from "@/lib/editor/schema";
import { listSuggestions, type SuggestionSummary } from "@/lib/editor/suggestions/read";

/**
 * The suggestions still open in a body, in document order. The workflow reads
 * them from the body itself, as it is now: a suggestion is open for as long
 * as its marks are in the text.
 */
export function openSuggestions(content: DocNode): SuggestionSummary[] {
  return listSuggestions(ProseMirrorNode.fromJSON(noteSchema(), content));
}

const counted = (count: number) => (count === 1 ? "the open suggestion" : `the ${count} open suggestions`);

/** Why a body with open suggestions cannot be published: a brief says only what its author accepted. */
export const publishRefusal = (count: number) => `Resolve ${counted(count)} before publishing: accept or reject ${count === 1 ? "it" : "them"}.`;

/** Why an approval of a body with open suggestions waits for the reviewer to carry them, or for them to be resolved. */
export const approvalRefusal = (count: number) =>
  `This note has ${count === 1 ? "an open suggestion" : `${count} open suggestions`}: resolve ${count === 1 ? "it" : "them"} first, or approve and carry ${count === 1 ? "it" : "them"}.`;

/** What carrying suggestions into an approval means for publishing. */
export const CARRIED_SUGGESTIONS_RULE =
  "Carried suggestions must be resolved before publishing; resolving them changes the text, which will need approval again.";
