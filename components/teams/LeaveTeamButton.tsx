"use client";

import { useState, useTransition } from "react";
import { leaveTeamAction } from "@/app/t/[team]/leave/actions";
import { FormError } from "@/components/FormError";

/** Leaves the team, after a confirmation; the last owner is told why they cannot. */
export function LeaveTeamButton({ team, name }: { team: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="danger"
          disabled={pending}
          onClick={() => {
            if (!window.confirm(`Leave ${name}? You will need a new invite to come back.`)) return;
            // Success ends in a redirect home.
            startTransition(async () => {
              const result = await leaveTeamAction({ team });
              setError(result.ok ? null : result.error);
            });
          }}
        >
          {pending ? "Leaving…" : "Leave team"}
        </button>
      </div>
      <FormError message={error} />
    </div>
  );
}
