import type { Editor } from "@tiptap/core";
import type { SuggestingModeOptions } from "@/lib/editor/suggestions/suggesting-mode";

/**
 * Whether changes made in this editor are made as they are: it is editable
 * and not in Suggesting mode. What cannot be suggested (a judgment's
 * confidence, citing a source) is offered only then.
 */
export function editsDirectly(editor: Editor): boolean {
  const suggestingMode = editor.extensionManager.extensions.find((extension) => extension.name === "suggestingMode");
  const suggesting = (suggestingMode?.options as SuggestingModeOptions | undefined)?.isSuggesting() ?? false;
  return editor.isEditable && !suggesting;
}
