import { Extension } from "@tiptap/core";
import { leavesAlone, suggestChanges } from "@/lib/editor/suggestions/suggest-transform";

export interface SuggestingModeOptions {
  /** Read on every transaction: the mode switch changes it without remaking the editor. */
  isSuggesting: () => boolean;
  /** The user id every suggestion made here carries. */
  author: string;
}

/**
 * Suggesting mode: every change to the body this editor makes is turned into
 * suggestions signed by its user before it is applied (and so before Yjs
 * sends it); one that cannot be suggested is dropped. Changes from other
 * users, undo, and accepting or rejecting pass as they are.
 */
export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: "suggestingMode",
  addOptions: () => ({ isSuggesting: () => false, author: "" }),
  dispatchTransaction({ transaction, next }) {
    if (!this.options.isSuggesting() || leavesAlone(transaction)) {
      next(transaction);
      return;
    }
    const suggested = suggestChanges(transaction, this.editor.state, { author: this.options.author });
    if (suggested) next(suggested);
  },
});
