"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { updateNameAction } from "@/app/account/actions";
import { FormError } from "@/components/FormError";

export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateNameAction({ name: form.get("name") });
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
      if (result.ok) router.refresh();
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <FormError message={error} />
      <div className="row">
        <label>
          Display name
          <input name="name" defaultValue={name} required maxLength={100} autoComplete="name" onChange={() => setSaved(false)} />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Saving…" : "Save name"}
        </button>
      </div>
      {saved && (
        <p className="notice" role="status">
          Your name is saved.
        </p>
      )}
    </form>
  );
}
