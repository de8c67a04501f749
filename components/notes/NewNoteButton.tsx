"use client";

import { useActionState } from "react";
import { createNoteAction } from "@/app/t/[team]/actions";

export function NewNoteButton({ team }: { team: string }) {
  const [state, action, pending] = useActionState(createNoteAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="team" value={team} />
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Creating…" : "New note"}
      </button>
      {state && !state.ok && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
