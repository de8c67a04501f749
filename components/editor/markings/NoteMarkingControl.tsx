"use client";

import { useId, useState, useTransition } from "react";
import { setNoteMarkingAction } from "@/app/t/[team]/notes/[id]/marking-actions";
import { FormError } from "@/components/FormError";
import { TlpBadge } from "@/components/markings/TlpBadge";
import { isTlpLevel, TLP_LABELS, TLP_LEVELS, TLP_MEANINGS } from "@/lib/tradecraft/tlp";
import { useNoteMarking } from "./note-marking-context";

/** The handling marking the note's author gives it: a choice for those who may edit, shown to the others. */
export function NoteMarkingControl({ team, noteId, editable }: { team: string; noteId: string; editable: boolean }) {
  const state = useNoteMarking();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!state) return null;
  if (!editable)
    return (
      <span className="note-marking" id="note-marking" data-testid="note-marking">
        Marking: <TlpBadge marking={state.marking} />
      </span>
    );
  return (
    <span className="note-marking" id="note-marking">
      <label htmlFor={id}>Marking</label>{" "}
      <select
        id={id}
        value={state.marking}
        disabled={pending}
        aria-describedby={`${id}-meaning`}
        onChange={(event) => {
          const marking = event.target.value;
          if (!isTlpLevel(marking)) return;
          const before = state.marking;
          state.setMarking(marking);
          startTransition(async () => {
            const result = await setNoteMarkingAction({ team, noteId, marking });
            setError(result.ok ? null : result.error);
            if (!result.ok) state.setMarking(before);
          });
        }}
      >
        {TLP_LEVELS.map((level) => (
          <option key={level} value={level}>
            {TLP_LABELS[level]} — {TLP_MEANINGS[level]}
          </option>
        ))}
      </select>
      <span id={`${id}-meaning`} className="sr-only">
        {TLP_MEANINGS[state.marking]}
      </span>
      <FormError message={error} />
    </span>
  );
}
