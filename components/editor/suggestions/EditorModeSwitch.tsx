"use client";

import { useRef, type KeyboardEvent } from "react";
import { EDITOR_MODE_LABELS, type EditorMode } from "./editor-modes";

const HINTS: Record<EditorMode, string> = {
  edit: "Change the text directly",
  suggest: "Propose changes for the author to accept or reject",
  read: "Read without changing anything",
};

interface Props {
  modes: EditorMode[];
  mode: EditorMode;
  onChange: (mode: EditorMode) => void;
}

/** Editing / Suggesting / Viewing, as a radio group: Tab reaches the chosen mode, the arrow keys move between them. */
export function EditorModeSwitch({ modes, mode, onChange }: Props) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + modes.length) % modes.length;
    onChange(modes[next]);
    buttons.current[next]?.focus();
  };
  return (
    <div className="mode-switch" role="radiogroup" aria-label="Editor mode">
      {modes.map((option, index) => (
        <button
          key={option}
          ref={(button) => {
            buttons.current[index] = button;
          }}
          type="button"
          role="radio"
          aria-checked={option === mode}
          tabIndex={option === mode ? 0 : -1}
          title={HINTS[option]}
          onClick={() => onChange(option)}
          onKeyDown={(event) => move(event, index)}
        >
          {EDITOR_MODE_LABELS[option]}
        </button>
      ))}
    </div>
  );
}
