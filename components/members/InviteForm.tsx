"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createInviteAction } from "@/app/t/[team]/members/actions";
import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { FormError } from "@/components/FormError";

export function InviteForm({ team }: { team: string }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const formElement = event.currentTarget;
    startTransition(async () => {
      const result = await createInviteAction({ team, email: form.get("email"), role: form.get("role") });
      if (result.ok) {
        setLink(result.data);
        setError(null);
        formElement.reset();
        router.refresh();
      } else {
        setError(result.error);
        setLink(null);
      }
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <div className="row">
        <label>
          Email
          <input name="email" type="email" required placeholder="colleague@example.org" />
        </label>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="analyst">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invite link"}
        </button>
      </div>
      <FormError message={error} />
      {link && (
        <p className="notice">
          Send this link to your colleague (it works once, for 7 days):{" "}
          <span className="invite-link" data-testid="invite-link">
            {link}
          </span>
        </p>
      )}
    </form>
  );
}
