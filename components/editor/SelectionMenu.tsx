"use client";

import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import { BubbleMenu, type BubbleMenuProps } from "@tiptap/react/menus";
import { useEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { editLink, toggleBold, toggleCode, toggleItalic, toggleStrike } from "./editor-commands";

/** `suggestible`: it can be made as a suggestion too (Suggesting mode disables the others, as the toolbar does). */
const FORMATS = [
  { label: "B", name: "Bold", keys: "Ctrl+B", mark: "bold", run: toggleBold, suggestible: true },
  { label: "I", name: "Italic", keys: "Ctrl+I", mark: "italic", run: toggleItalic, suggestible: true },
  { label: "S", name: "Strikethrough", keys: "Ctrl+Shift+S", mark: "strike", run: toggleStrike, suggestible: true },
  { label: "</>", name: "Code", keys: "Ctrl+E", mark: "code", run: toggleCode, suggestible: true },
  { label: "Link", name: "Link", keys: null, mark: "link", run: editLink, suggestible: false },
] as const;

const MENU_KEY = "selectionMenu";

/** Over a selection of text (not a selected citation or table cells) in a note one may change, while the text or the menu has the focus. */
const showsOver: NonNullable<BubbleMenuProps["shouldShow"]> = ({ editor, view, state, element }) => {
  const { selection } = state;
  const focused = view.hasFocus() || element.contains(document.activeElement);
  return editor.isEditable && focused && selection instanceof TextSelection && !selection.empty && state.doc.textBetween(selection.from, selection.to).length > 0;
};

interface Props {
  editor: Editor;
  /** The element the text is written in, which the menu stays inside. */
  surface: HTMLElement;
  suggesting: boolean;
  /** Starts a comment on the selection; absent for those who may not comment. */
  onComment?: () => void;
}

/**
 * The menu over a selection of text: bold, italic, strikethrough, code, link
 * and a comment. It never takes the focus from the text on its own (its
 * buttons keep it on a click); Alt+F10 moves the focus into it (the key of
 * other editors' toolbars, listed in components/KeyboardHelp.tsx), the arrow
 * keys move along it, Escape goes back to the text.
 */
export function SelectionMenu({ editor, surface, suggesting, onComment }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  // Kept inside the writing surface: never over the toolbar above it or the panels beside it.
  const placement = useMemo(() => ({ flip: { boundary: surface }, shift: { boundary: surface, padding: 4 } }), [surface]);
  const pressed = useEditorState({ editor, selector: ({ editor: e }) => FORMATS.map((format) => e.isActive(format.mark)) });

  useEffect(() => {
    // Left out of the tab order: Tab from the text reaches the buttons themselves.
    if (menu.current) menu.current.tabIndex = -1;
    const text = editor.view.dom;
    const enter = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "F10" || !event.altKey || !menu.current?.isConnected) return;
      event.preventDefault();
      menu.current.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
    };
    text.addEventListener("keydown", enter);
    return () => text.removeEventListener("keydown", enter);
  }, [editor]);

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      // At once, not a frame later: keys typed next belong in the text.
      editor.view.focus();
      return;
    }
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step || !menu.current) return;
    event.preventDefault();
    const buttons = [...menu.current.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  }

  return (
    <BubbleMenu
      ref={menu}
      editor={editor}
      pluginKey={MENU_KEY}
      className="selection-menu"
      shouldShow={showsOver}
      options={placement}
    >
      {/* The role and name are on this element: the production build drops the wrapper's forwarded attributes (only its class survives). */}
      <div role="toolbar" aria-label="Format the selection" onKeyDown={moveFocus} className="selection-menu-buttons">
        {FORMATS.map((format, i) => {
          const unavailable = suggesting && !format.suggestible;
          const title = format.keys ? `${format.name} (${format.keys})` : format.name;
          return (
            <button
              key={format.mark}
              type="button"
              aria-label={format.name}
              aria-pressed={pressed[i]}
              title={unavailable ? `${title}: not available while suggesting` : title}
              disabled={unavailable}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => format.run(editor)}
            >
              {format.label}
            </button>
          );
        })}
        {onComment && (
          <button
            type="button"
            aria-label="Comment on the selection"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              onComment();
              // The comment is written in the panel: the menu goes, as it would had the click left the text.
              editor.view.dispatch(editor.state.tr.setMeta(MENU_KEY, "hide"));
            }}
          >
            Comment
          </button>
        )}
      </div>
    </BubbleMenu>
  );
}
