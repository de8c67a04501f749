"use client";

import type { ReactNode } from "react";

/**
 * One option of a picker at the caret (mentions, citations, the slash menu).
 * The focus stays in the text, so the option never takes it: not by a click
 * (mousedown is held back) nor by Tab (tabIndex -1); the text names the chosen
 * one through aria-activedescendant where the picker sets it.
 */
export function PickerOption({ id, selected, onPick, children }: { id?: string; selected: boolean; onPick: () => void; children: ReactNode }) {
  return (
    <button
      id={id}
      type="button"
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      className="suggestion"
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
    >
      {children}
    </button>
  );
}
