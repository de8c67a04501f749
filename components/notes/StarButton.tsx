"use client";

import { useState, useTransition } from "react";
import { setNoteStarAction } from "@/app/t/[team]/notes/[id]/star-actions";
import { FormError } from "@/components/FormError";

/** Stars the note, or takes the star away: a starred note is listed in one's sidebar. */
export function StarButton({ team, noteId, starred: initial }: { team: string; noteId: string; starred: boolean }) {
  const [starred, setStarred] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const click = () =>
    startTransition(async () => {
      const result = await setNoteStarAction({ team, noteId, starred: !starred });
      if (!result.ok) return setError(result.error);
      setError(null);
      setStarred(result.data.starred);
    });

  return (
    <span className="star">
      <button
        type="button"
        className="star-button"
        aria-pressed={starred}
        disabled={pending}
        onClick={click}
        title={starred ? "Starred: it is listed in your sidebar" : "List it in your sidebar"}
      >
        <span aria-hidden="true" className="star-glyph">
          {starred ? "★" : "☆"}
        </span>
        {starred ? "Unstar" : "Star"}
      </button>
      <FormError message={error} />
    </span>
  );
}
