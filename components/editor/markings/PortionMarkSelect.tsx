"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useId } from "react";
import { isTlpLevel, TLP_LABELS, TLP_LEVELS, TLP_MEANINGS } from "@/lib/tradecraft/tlp";
import { portionMarkAtCaret, setPortionMark } from "./portion-mark-command";

const NONE = "";

/** The toolbar's "Portion mark": the handling marking of the block at the caret, set or cleared from the keyboard or the mouse. */
export function PortionMarkSelect({ editor, disabled = false }: { editor: Editor; disabled?: boolean }) {
  const id = useId();
  const current = useEditorState({ editor, selector: ({ editor: e }) => portionMarkAtCaret(e) });
  return (
    <span className="portion-mark-control">
      <label htmlFor={id}>Portion mark</label>{" "}
      <select
        id={id}
        value={current ?? NONE}
        disabled={disabled || current === undefined}
        onChange={(event) => {
          const value = event.target.value;
          editor
            .chain()
            .focus()
            .command(setPortionMark(isTlpLevel(value) ? value : null))
            .run();
        }}
      >
        <option value={NONE}>No portion mark</option>
        {TLP_LEVELS.map((level) => (
          <option key={level} value={level} title={TLP_MEANINGS[level]}>
            {TLP_LABELS[level]}
          </option>
        ))}
      </select>
    </span>
  );
}
