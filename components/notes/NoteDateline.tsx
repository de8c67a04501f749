"use client";

import { useId, useState, useTransition } from "react";
import { setNoteDatelineAction } from "@/app/t/[team]/notes/[id]/dateline-actions";
import { FormError } from "@/components/FormError";
import { formatDay } from "@/lib/day";

/**
 * The day the note speaks of, which its editions carry as their dateline:
 * a date field for those who may edit (saved when a whole day is chosen, or
 * cleared), shown to the others when set.
 */
export function NoteDateline({ team, noteId, initial, editable }: { team: string; noteId: string; initial: string | null; editable: boolean }) {
  const id = useId();
  const [dateline, setDateline] = useState(initial ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!editable) return initial ? <span className="note-dateline">Dateline: {formatDay(initial)}</span> : null;
  return (
    <span className="note-dateline">
      <label htmlFor={id}>Dateline</label>{" "}
      <input
        id={id}
        type="date"
        value={dateline}
        disabled={pending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const next = event.target.value;
          const before = dateline;
          setDateline(next);
          startTransition(async () => {
            const result = await setNoteDatelineAction({ team, noteId, dateline: next });
            setError(result.ok ? null : result.error);
            if (!result.ok) setDateline(before);
          });
        }}
      />
      <span id={`${id}-hint`} className="sr-only">
        {dateline ? "Its editions carry this day." : "Empty: each edition is dated the day it is published."}
      </span>
      <FormError message={error} />
    </span>
  );
}
