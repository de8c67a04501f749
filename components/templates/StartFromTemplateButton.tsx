"use client";

import { useActionState } from "react";
import { createNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";

/** Starts a note from this template and opens it, as the chooser beside New note does. */
export function StartFromTemplateButton({ team, templateId, name }: { team: string; templateId: string; name: string }) {
  const [state, action, pending] = useActionState(createNoteAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="team" value={team} />
      <input type="hidden" name="template" value={templateId} />
      <button type="submit" disabled={pending} aria-label={`Start a note from ${name}`}>
        {pending ? "Creating…" : "Start a note"}
      </button>
      <FormError message={state && !state.ok ? state.error : null} />
    </form>
  );
}
