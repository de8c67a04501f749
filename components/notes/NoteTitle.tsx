"use client";

import { useEffect, useRef, useState } from "react";
import { renameNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";

/** The note's title; saved when you pause typing, press Enter or leave the field. */
export function NoteTitle({ team, noteId, initial, editable }: { team: string; noteId: string; initial: string; editable: boolean }) {
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function save(value: string) {
    clearTimeout(timer.current);
    if (value.trim() === saved.current.trim()) return;
    const result = await renameNoteAction({ team, noteId, title: value });
    if (result.ok) {
      saved.current = value;
      setError(null);
    } else setError(result.error);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

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
