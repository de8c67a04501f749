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
