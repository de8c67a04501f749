import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { listSuggestions, type SuggestionSummary } from "@/lib/editor/suggestions/read";
import { SUGGESTED_INSERTION } from "@/lib/editor/suggestions/model";

/**
 * How the suggestions of two versions differ, by id: those made since the
 * older one and those resolved (accepted or rejected) since. A suggested
 * deletion or format changes marks only, which a comparison of text does not
 * count: this is where it shows.
 */
export interface SuggestionChanges {
  made: SuggestionSummary[];
  resolved: SuggestionSummary[];
}

export function suggestionChanges(older: ProseMirrorNode, newer: ProseMirrorNode): SuggestionChanges {
  const before = listSuggestions(older);
  const after = listSuggestions(newer);
  const ids = (list: SuggestionSummary[]) => new Set(list.map((suggestion) => suggestion.id));
  const [was, is] = [ids(before), ids(after)];
  return { made: after.filter((suggestion) => !was.has(suggestion.id)), resolved: before.filter((suggestion) => !is.has(suggestion.id)) };
}

/** Whether all the text between `from` and `to` of `doc` is a suggested insertion: a change that was suggested, not made. */
export function isSuggestedInsertion(doc: ProseMirrorNode, from: number, to: number): boolean {
  let text = 0;
  let suggested = 0;
  doc.nodesBetween(from, to, (node) => {
    if (!node.isInline) return true;
    text++;
    if (node.marks.some((mark) => mark.type.name === SUGGESTED_INSERTION)) suggested++;
    return false;
  });
  return text > 0 && suggested === text;
}
