"use client";

import { useState, useTransition } from "react";
import { deleteNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";

/** For owners: deletes the note, its history, comments and editions. */
export function DeleteNoteButton({ team, noteId, title }: { team: string; noteId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Delete “${title || "Untitled"}” with its history, comments and editions? This cannot be undone.`)) return;
          startTransition(async () => {
            const result = await deleteNoteAction({ team, noteId });
            if (result.ok) window.location.assign(result.data);
            else setError(result.error);
          });
        }}
      >
        Delete note
      </button>
      <FormError message={error} />
    </>
  );
}
