"use client";

import { Extension, type Range } from "@tiptap/core";
import { PluginKey, type EditorState } from "@tiptap/pm/state";
import Suggestion from "@tiptap/suggestion";
import { suggestionPopup } from "../suggestion-popup";
import { editsDirectly } from "../suggestions/edits-directly";
import { matchSlashItems, SLASH_ITEMS, slashItemsFor, type SlashActions, type SlashItem } from "./slash-items";
import { SlashMenuList } from "./SlashMenuList";

/**
 * Whether a slash typed here opens the menu: in a block holding nothing but
 * what is typed from the slash on, or after a space (the plugin's allowed
 * prefix); never in code, where a slash is text.
 */
function opensHere(state: EditorState, range: Range): boolean {
  const $from = state.doc.resolve(range.from);
  if ($from.parent.type.spec.code || $from.marks().some((mark) => mark.type.spec.code)) return false;
  return $from.parentOffset > 0 || $from.parent.content.size === range.to - range.from;
}

/**
 * The slash menu: "/" opens a list of blocks to insert, narrowed as one types
 * ("/tab" finds Table). Arrows move, Enter or Tab choose, Escape closes and
 * leaves the text. Choosing takes the "/…" out, then does what the toolbar's
 * button does. Offered only where the note can be changed, and in Suggesting
 * mode only what can be suggested.
 */
export const SlashMenu = Extension.create<{ actions: SlashActions }>({
  name: "slashMenu",
  addOptions: () => ({ actions: { cite: () => {} } }),

  addProseMirrorPlugins() {
    const { actions } = this.options;
    return [
      Suggestion<SlashItem, SlashItem>({
        editor: this.editor,
        pluginKey: new PluginKey("slashMenu"),
        char: "/",
        // Not the plugin's default class, which is the pickers' option style.
        decorationClass: "slash-query",
        allow: ({ editor, state, range }) => editor.isEditable && opensHere(state, range),
        items: ({ editor, query }) =>
          matchSlashItems(slashItemsFor(SLASH_ITEMS, editsDirectly(editor)), query).filter((item) => item.fits?.(editor) ?? true),
        command: ({ editor, range, props: item }) => {
          editor.chain().focus().deleteRange(range).run();
          item.run(editor, actions);
        },
        render: suggestionPopup(SlashMenuList, (props) => ({ editor: props.editor, items: props.items, query: props.query, pick: props.command })),
      }),
    ];
  },
});
