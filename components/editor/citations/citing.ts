import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { CITATION_NODE, citationAttrs, type CitationAttrs } from "@/lib/editor/citations";
import type { LookedUpSource } from "@/lib/sources/lookup-wire";

/** Where the citing panel is: choosing a source, creating one, grading the new citation, or changing one. */
export type CitingStep =
  | { step: "pick"; query: string }
  | { step: "create"; title: string }
  | { step: "grade"; source: LookedUpSource }
  | { step: "edit"; citationId: string };

export type CitationFields = Pick<CitationAttrs, "credibility" | "locator" | "obtainedOn">;

/** Puts a citation at the end of the selection (or at the caret), keeping the selected text. */
export function insertCitation(editor: Editor, sourceId: string, fields: CitationFields) {
  const at = editor.state.selection.to;
  editor
    .chain()
    .focus()
    .insertContentAt(at, { type: CITATION_NODE, attrs: { id: crypto.randomUUID(), sourceId, ...fields } })
    .run();
}

/** The citation with this id and where it is, if it is still in the document. */
export function findCitation(editor: Editor, id: string): { pos: number; attrs: CitationAttrs } | null {
  let found: { pos: number; attrs: CitationAttrs } | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name !== CITATION_NODE) return true;
    const attrs = citationAttrs(node.attrs);
    if (attrs?.id === id) found = { pos, attrs };
    return false;
  });
  return found;
}

export function updateCitation(editor: Editor, id: string, fields: CitationFields) {
  const found = findCitation(editor, id);
  if (!found) return;
  editor.view.dispatch(editor.state.tr.setNodeMarkup(found.pos, undefined, { ...found.attrs, ...fields }));
  editor.commands.focus();
}

export function removeCitation(editor: Editor, id: string) {
  const found = findCitation(editor, id);
  if (!found) return;
  editor.chain().focus().deleteRange({ from: found.pos, to: found.pos + 1 }).run();
}

/** The id of the citation the selection is on, when a citation is selected (by the arrow keys or a click). */
export function selectedCitation(editor: Editor): string | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== CITATION_NODE) return null;
  return citationAttrs(selection.node.attrs)?.id ?? null;
}
