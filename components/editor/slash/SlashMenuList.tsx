"use client";

import type { Editor } from "@tiptap/core";
import { forwardRef, useEffect, useImperativeHandle } from "react";
import { useListKeys } from "../list-keys";
import { PickerOption } from "../PickerOption";
import type { PickerListHandle } from "../suggestion-popup";
import type { SlashItem } from "./slash-items";

const LIST_ID = "slash-menu";
const optionId = (item: SlashItem) => `${LIST_ID}-${item.id}`;

type Props = {
  editor: Editor;
  items: SlashItem[];
  /** What was typed after the slash. */
  query: string;
  pick(item: SlashItem): void;
};

/**
 * The slash menu's list. The focus stays in the text, which names the list
 * and its chosen option (aria-controls, aria-activedescendant) while it is open.
 */
export const SlashMenuList = forwardRef<PickerListHandle, Props>(function SlashMenuList({ editor, items, query, pick }, ref) {
  const { selected, onKeyDown } = useListKeys(items, pick);
  useImperativeHandle(ref, () => ({ onKeyDown }));
  const chosen = items[Math.min(selected, items.length - 1)];

  useEffect(() => {
    const text = editor.view.dom;
    text.setAttribute("aria-controls", LIST_ID);
    return () => {
      text.removeAttribute("aria-controls");
      text.removeAttribute("aria-activedescendant");
    };
  }, [editor]);

  useEffect(() => {
    const text = editor.view.dom;
    if (!chosen) return void text.removeAttribute("aria-activedescendant");
    text.setAttribute("aria-activedescendant", optionId(chosen));
    document.getElementById(optionId(chosen))?.scrollIntoView({ block: "nearest" });
  }, [editor, chosen]);

  return (
    <div className="suggestions slash-menu" role="listbox" id={LIST_ID} aria-label="Insert a block">
      {items.length === 0 ? (
        <div className="suggestion muted">No block is called “{query}”. Esc keeps what you typed.</div>
      ) : (
        items.map((item) => (
          <PickerOption key={item.id} id={optionId(item)} selected={item === chosen} onPick={() => pick(item)}>
            {item.label}
          </PickerOption>
        ))
      )}
    </div>
  );
});
