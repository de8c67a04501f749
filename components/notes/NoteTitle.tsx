"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { renameNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";

/** The note's title; saved when you pause typing, press Enter, leave the field or leave the page. */
export function NoteTitle({ team, noteId, initial, editable }: { team: string; noteId: string; initial: string; editable: boolean }) {
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<string | null>(null);

  const save = useCallback(
    async (value: string) => {
      clearTimeout(timer.current);
      pending.current = null;
      if (value.trim() === saved.current.trim()) return;
      const result = await renameNoteAction({ team, noteId, title: value });
      if (result.ok) {
        saved.current = value;
        setError(null);
      } else setError(result.error);
    },
    [team, noteId],
  );

  // A title typed just before a link is followed or the tab closed is sent, not dropped with the timer.
  useEffect(() => {
    const flush = () => {
      if (pending.current !== null) void save(pending.current);
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [save]);

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
          setTitle(value);
          pending.current = value;
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
