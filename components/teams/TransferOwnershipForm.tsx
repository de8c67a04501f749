"use client";

import { useState, useTransition, type FormEvent } from "react";
import { transferOwnershipAction } from "@/app/t/[team]/settings/actions";
import { FormError } from "@/components/FormError";

interface Props {
  team: string;
  /** The members the owner may hand the team to: everyone but the owner. */
  members: { userId: string; name: string; email: string }[];
}

/** Hands the team to another member, who becomes owner; the one handing it on becomes an analyst. */
export function TransferOwnershipForm({ team, members }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (members.length === 0) return <p className="muted">There is no other member to hand the team to yet: invite someone first.</p>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get("userId"));
    const member = members.find((m) => m.userId === userId);
    if (!window.confirm(`Make ${member?.name ?? "this member"} an owner? You will become an analyst of this team.`)) return;
    // Success ends in a redirect to the team's notes: an analyst has no settings page.
    startTransition(async () => {
      const result = await transferOwnershipAction({ team, userId });
      setError(result.ok ? null : result.error);
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Transfer ownership">
      <div className="row">
        <label className="field">
          New owner
          <select name="userId" required>
            {members.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending}>
          {pending ? "Transferring…" : "Transfer ownership"}
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
