"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { renameNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";
import { keepUnsavedTitle, savedTitle, sendTitle, unsavedTitle } from "./unsaved-titles";

/**
 * The note's title; saved when you pause typing, press Enter, leave the field
 * or leave the page. Until the server confirms it, what was typed is also kept
 * in this browser (unsaved-titles.ts), so a title typed just before the tab
 * closed is not lost.
 */
export function NoteTitle({ team, noteId, userId, initial, editable }: { team: string; noteId: string; userId: string; initial: string; editable: boolean }) {
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(initial);
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const save = useCallback(
    async (value: string) => {
      clearTimeout(timer.current);
      if (value.trim() !== saved.current.trim()) {
        const result = await renameNoteAction({ team, noteId, title: value }).catch(() => null);
        if (!result) return setError("Not saved yet: no connection. The title is kept in this browser and sent when Dossier is reached again.");
        if (!result.ok) return setError(result.error);
        saved.current = value;
        setError(null);
      }
      savedTitle(userId, noteId, value);
    },
    [team, noteId, userId],
  );

  const type = (value: string) => {
    setTitle(value);
    latest.current = value;
    keepUnsavedTitle(userId, { team, noteId, title: value });
  };

  // A title this browser kept from a page that went before its save: shown again, and sent.
  useEffect(() => {
    const kept = editable ? unsavedTitle(userId, noteId) : null;
    if (!kept || kept.title.trim() === saved.current.trim()) return;
    latest.current = kept.title;
    setTitle(kept.title); // Read here, not in useState: the server cannot render what localStorage holds.
    void save(kept.title);
  }, [editable, userId, noteId, save]);

  // As the page goes, the title is sent by a request that outlives it (a server action's is
  // cancelled with the page); as the title unmounts within the app, by the action itself.
  useEffect(() => {
    const unsaved = () => latest.current.trim() !== saved.current.trim();
    const sendAsThePageGoes = () => {
      if (!unsaved()) return;
      clearTimeout(timer.current);
      void sendTitle({ team, noteId, title: latest.current }, { keepalive: true });
    };
    window.addEventListener("pagehide", sendAsThePageGoes);
    return () => {
      window.removeEventListener("pagehide", sendAsThePageGoes);
      if (unsaved()) void save(latest.current);
    };
  }, [save, team, noteId]);

  return (
    <>
      <input
        className="note-title"
        aria-label="Title"
        placeholder="Untitled"
        value={title}
        readOnly={!editable}
        maxLength={200}
        onChange={(event) => {
          const value = event.target.value;
          type(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(value), 600);
        }}
        onBlur={() => save(title)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            void save(title);
            (document.querySelector(".ProseMirror") as HTMLElement | null)?.focus();
          }
        }}
      />
      <FormError message={error} />
    </>
  );
}
