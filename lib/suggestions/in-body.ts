import { Node } from "@tiptap/pm/model";
import type { DocNode } from "@/lib/editor/document";
import { noteSchema } from "@/lib/editor/schema";
import { listSuggestions, type SuggestionSummary } from "@/lib/editor/suggestions/read";

/** The suggestions a stored body holds, in document order, as the editor lists them. */
export function suggestionsIn(content: DocNode): SuggestionSummary[] {
  return listSuggestions(Node.fromJSON(noteSchema(), content));
}
