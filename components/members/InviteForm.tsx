"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createInviteAction } from "@/app/t/[team]/members/actions";
import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { FormError } from "@/components/FormError";

/** `emailsInvites`: this server sends mail, so the invite is e-mailed as well as shown (within the inviter's limit). */
export function InviteForm({ team, emailsInvites }: { team: string; emailsInvites: boolean }) {
  const router = useRouter();
  const [invited, setInvited] = useState<{ link: string; emailed: boolean; email: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const formElement = event.currentTarget;
    const email = String(form.get("email") ?? "");
    startTransition(async () => {
      const result = await createInviteAction({ team, email, role: form.get("role") });
      if (result.ok) {
        setInvited({ ...result.data, email });
        setError(null);
        formElement.reset();
        router.refresh();
      } else {
        setError(result.error);
        setInvited(null);
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
      {invited && (
        <div className="notice" role="status">
          <p data-testid="invite-mail">
            {invited.emailed
              ? `An e-mail with this link is on its way to ${invited.email}.`
              : emailsInvites
                ? "You have sent many invitations in a short time, so no e-mail went out for this one: send this link yourself."
                : "This server sends no e-mail, so send this link yourself."}
          </p>
          <p>
            The link works once, for 7 days:{" "}
            <span className="invite-link" data-testid="invite-link">
              {invited.link}
            </span>
          </p>
        </div>
      )}
    </form>
  );
}
