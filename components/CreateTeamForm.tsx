"use client";

import { useActionState } from "react";
import { createTeamAction } from "@/app/teams/new/actions";
import { FormError } from "@/components/FormError";

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, null);
  return (
    <form action={action} className="stack">
      <FormError message={state && !state.ok ? state.error : null} />
      <label>
        Team name
        <input name="name" required maxLength={80} autoFocus placeholder="Korea desk" />
      </label>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </button>
    </form>
  );
}
