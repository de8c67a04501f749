"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import type { NoteSession } from "./offline/note-session";

/**
 * Whether the note's document holds the note yet: from this browser's store
 * (a note opened here before), or from the server's first sync. Until then
 * the editor shows an empty document, and text typed into it would become a
 * paragraph of its own, placed beside the note's text once that arrives
 * (before it, as often as not). Outline keeps its editor read-only for the
 * same reason. Once loaded, a note stays loaded through reconnections.
 */
export function useNoteLoaded({ doc, provider }: NoteSession): boolean {
  const [seen] = useState(() => ({ loaded: doc.store.clients.size > 0 }));
  const subscribe = useCallback(
    (onChange: () => void) => {
      provider.on("synced", onChange);
      return () => void provider.off("synced", onChange);
    },
    [provider],
  );
  return useSyncExternalStore(subscribe, () => (seen.loaded ||= provider.isSynced), () => seen.loaded);
}
