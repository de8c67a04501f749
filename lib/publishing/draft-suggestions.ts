import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { DocNode } from "@/lib/editor/document";
import { sanitizeContent } from "@/lib/editor/sanitize";
import { noteSchema } from "@/lib/editor/schema";
import { decideSuggestions, withoutSuggestions } from "@/lib/editor/suggestions/resolve";

/** What a draft's export does with its open suggestions: the text as it stands before them (the default), or with all of them accepted. */
export type ExportedSuggestions = "reject" | "accept";

/** The choice a request's `suggestions` parameter makes; null when it names neither. */
export function exportedSuggestions(value: string | null): ExportedSuggestions | null {
  if (value === null || value === "" || value === "reject") return "reject";
  return value === "accept" ? "accept" : null;
}

/**
 * A draft's text for export: an export is read as the text, so it holds no
 * suggestion. By default every suggestion is left out (insertions dropped,
 * deletions kept), which is the text as its authors wrote it; or every one
 * is taken in.
 */
export function draftTextForExport(content: DocNode, suggestions: ExportedSuggestions): DocNode {
  const doc = ProseMirrorNode.fromJSON(noteSchema(), content);
  const decided = suggestions === "accept" ? decideSuggestions(doc, () => "accept") : withoutSuggestions(doc);
  return sanitizeContent(decided.toJSON());
}
