"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { saveNamedRevisionAction } from "@/app/t/[team]/notes/[id]/history/actions";
import { FormError } from "@/components/FormError";

/** Keeps the note as it is now under a name ("v1 to the desk"). */
export function SaveNamedVersion({ team, noteId }: { team: string; noteId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = new FormData(form).get("name");
    startTransition(async () => {
      const result = await saveNamedRevisionAction({ team, noteId, name });
      if (!result.ok) return setError(result.error);
      setError(null);
      form.reset();
      router.refresh();
    });
  }

  return (
    <form className="row" onSubmit={save} aria-label="Save a named version">
      <input name="name" placeholder="Name this version, e.g. sent to review" maxLength={120} aria-label="Version name" required />
      <button type="submit" disabled={pending}>
        Save named version
      </button>
      <FormError message={error} />
    </form>
  );
}
