"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { CITE_SHORTCUT_LABEL } from "./citations/citation-keys";
import {
  editLink,
  insertTable,
  toggleBlockquote,
  toggleBold,
  toggleBulletList,
  toggleHeading,
  toggleItalic,
  toggleOrderedList,
} from "./editor-commands";
import { PortionMarkSelect } from "./markings/PortionMarkSelect";

/** `suggestible`: the change can be made as a suggestion too (Suggesting mode offers only these). */
type Item = {
  label: string;
  /** A sign drawn before the label (CSS), not part of its name: the name says it in words. */
  glyph?: string;
  title: string;
  active?: (e: Editor) => boolean;
  run: (e: Editor) => void;
  suggestible?: boolean;
};

const ITEMS: (Item | "sep")[] = [
  { label: "B", title: "Bold (Ctrl+B)", active: (e) => e.isActive("bold"), run: toggleBold, suggestible: true },
  { label: "I", title: "Italic (Ctrl+I)", active: (e) => e.isActive("italic"), run: toggleItalic, suggestible: true },
  "sep",
  ...([1, 2, 3] as const).map((level) => ({
    label: `H${level}`,
    // The name holds what the button shows (H1), so that a voice command naming it finds it.
    title: `Heading ${level}, H${level} (${"#".repeat(level)} then space)`,
    active: (e: Editor) => e.isActive("heading", { level }),
    run: (e: Editor) => toggleHeading(e, level),
    suggestible: true,
  })),
  "sep",
  { label: "List", glyph: "•", title: "Bulleted list (- then space)", active: (e) => e.isActive("bulletList"), run: toggleBulletList },
  { label: "List", glyph: "1.", title: "Numbered list (1. then space)", active: (e) => e.isActive("orderedList"), run: toggleOrderedList },
  { label: "Quote", glyph: "❝", title: "Quote (> then space)", active: (e) => e.isActive("blockquote"), run: toggleBlockquote },
  "sep",
  { label: "Link", title: "Link", active: (e) => e.isActive("link"), run: editLink },
  { label: "Table", title: "Insert a table", run: insertTable },
];

interface Props {
  editor: Editor;
  /** Opens the source picker for the selection or the caret. */
  onCite: () => void;
  /** What typed in the text opens the picker too (the team's choice). */
  citeTrigger: string;
  showUncited: boolean;
  onToggleUncited: () => void;
  /** Inserts the key judgments at the top of the note, or goes to them. */
  onKeyJudgments: () => void;
  /** Suggesting mode: what cannot be suggested (lists, links, tables, citations, portion marks) is offered but disabled. */
  suggesting: boolean;
}

const NOT_IN_SUGGESTING = "Not available while suggesting";

export function Toolbar({ editor, onCite, citeTrigger, showUncited, onToggleUncited, onKeyJudgments, suggesting }: Props) {
  // Re-render on selection changes so pressed states follow the cursor.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ITEMS.map((item) => (item !== "sep" && item.active ? item.active(e) : false)),
  });
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {ITEMS.map((item, i) =>
        item === "sep" ? (
          <span key={i} className="sep" />
        ) : (
          <button
            key={item.title}
            type="button"
            data-glyph={item.glyph}
            title={suggesting && !item.suggestible ? `${item.title}: ${NOT_IN_SUGGESTING.toLowerCase()}` : item.title}
            aria-label={item.title}
            aria-pressed={item.active ? active[i] : undefined}
            disabled={suggesting && !item.suggestible}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => item.run(editor)}
          >
            {item.label}
          </button>
        ),
      )}
      <span className="sep" />
      <button
        type="button"
        title={suggesting ? `Key judgments: ${NOT_IN_SUGGESTING.toLowerCase()}` : "Key judgments: insert them at the top of the note, or go to them"}
        aria-label="Key judgments"
        disabled={suggesting}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onKeyJudgments}
      >
        Key judgments
      </button>
      <button
        type="button"
        title={suggesting ? `Cite source: ${NOT_IN_SUGGESTING.toLowerCase()}` : `Cite source (${CITE_SHORTCUT_LABEL}, or type ${citeTrigger})`}
        disabled={suggesting}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onCite}
      >
        Cite source
      </button>
      <button
        type="button"
        title="Mark the paragraphs that cite no source"
        aria-pressed={showUncited}
        onMouseDown={(event) => event.preventDefault()}
        onClick={onToggleUncited}
      >
        Show uncited paragraphs
      </button>
      <span className="sep" />
      <PortionMarkSelect editor={editor} disabled={suggesting} />
    </div>
  );
}
