import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { leavesAlone, suggestChanges } from "./suggest-transform";

export interface SuggestingModeOptions {
  /** Read on every transaction: the mode switch changes it without remaking the editor. */
  isSuggesting: () => boolean;
  /** The user id every suggestion made here carries. */
  author: string;
}

/** Marks a transaction already made of suggestions (rewritten here, or made so, as the convergence fuzz makes them). */
export const suggestedKey = new PluginKey<null>("suggestingMode");

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
    if (!this.options.isSuggesting() || leavesAlone(transaction) || transaction.getMeta(suggestedKey) === true) {
      next(transaction);
      return;
    }
    const suggested = suggestChanges(transaction, this.editor.state, { author: this.options.author });
    if (suggested) next(suggested.setMeta(suggestedKey, true));
  },
  addProseMirrorPlugins() {
    const { isSuggesting } = this.options;
    return [
      new Plugin({
        key: suggestedKey,
        // What plugins append to a transaction (an empty paragraph kept after a heading at the end) never
        // passes the dispatch above: while suggesting, a change that is not a suggestion is dropped.
        filterTransaction: (tr) => !isSuggesting() || leavesAlone(tr) || tr.getMeta(suggestedKey) === true,
      }),
    ];
  },
});
