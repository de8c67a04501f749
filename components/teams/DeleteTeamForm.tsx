"use client";

import { useState, useTransition, type FormEvent } from "react";
import { deleteTeamAction } from "@/app/t/[team]/settings/actions";
import { FormError } from "@/components/FormError";

/** Deletes the team once its slug or name is typed; the server checks what was typed again. */
export function DeleteTeamForm({ team, name }: { team: string; name: string }) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmed = typed.trim() === team || typed.trim() === name;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Success ends in a redirect home.
    startTransition(async () => {
      const result = await deleteTeamAction({ team, confirmation: typed });
      setError(result.ok ? null : result.error);
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Delete team">
      <label className="field">
        <span>
          To confirm, type the team&apos;s slug <code>{team}</code> or its name
        </span>
        <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <div>
        <button className="danger" type="submit" disabled={pending || !confirmed}>
          {pending ? "Deleting…" : "Delete this team for good"}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
