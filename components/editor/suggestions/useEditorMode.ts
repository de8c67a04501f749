"use client";

import { useCallback, useState } from "react";
import { isEditorMode, type EditorMode } from "./editor-modes";

const storageKey = (noteId: string) => `dossier:editor-mode:${noteId}`;

/** The mode chosen for this note in this tab, kept across reloads; one no longer allowed (a role changed) falls back to the first allowed. */
export function useEditorMode(noteId: string, modes: EditorMode[]): [EditorMode, (mode: EditorMode) => void] {
  const [chosen, setChosen] = useState<EditorMode | null>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey(noteId));
      return isEditorMode(stored) ? stored : null;
    } catch {
      return null;
    }
  });
  const choose = useCallback(
    (mode: EditorMode) => {
      setChosen(mode);
      try {
        sessionStorage.setItem(storageKey(noteId), mode);
      } catch {
        // Storage may be off; the choice still holds until the page is left.
      }
    },
    [noteId],
  );
  return [chosen && modes.includes(chosen) ? chosen : modes[0], choose];
}
