"use client";

import { useActionState } from "react";
import { createNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";

export function NewNoteButton({ team }: { team: string }) {
  const [state, action, pending] = useActionState(createNoteAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="team" value={team} />
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Creating…" : "New note"}
      </button>
      <FormError message={state && !state.ok ? state.error : null} />
    </form>
  );
}
