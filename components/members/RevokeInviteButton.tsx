"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeInviteAction } from "@/app/t/[team]/members/actions";
import { FormError } from "@/components/FormError";

/** Withdraws an open invite: its link stops working at once. */
export function RevokeInviteButton({ team, inviteId, email }: { team: string; inviteId: string; email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const revoke = () =>
    startTransition(async () => {
      const result = await revokeInviteAction({ team, inviteId });
      setError(result.ok ? null : result.error);
      router.refresh();
    });

  return (
    <>
      <button className="link-button" type="button" disabled={pending} onClick={revoke} aria-label={`Revoke the invite to ${email}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      <FormError message={error} />
    </>
  );
}
