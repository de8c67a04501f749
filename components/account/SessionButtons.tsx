"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { signOutOtherSessionsAction, signOutSessionAction } from "@/app/account/actions";
import { FormError } from "@/components/FormError";

type Result = { ok: true } | { ok: false; error: string };

/** Runs a sign-out action, shows its error if any, and reloads the list. */
function useSignOut() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<Result>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      router.refresh();
    });
  return { error, pending, run };
}

export function EndSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const { error, pending, run } = useSignOut();
  return (
    <>
      <button type="button" className="link-button" disabled={pending} aria-label={`Sign out ${device}`} onClick={() => run(() => signOutSessionAction({ sessionId }))}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <FormError message={error} />
    </>
  );
}

/** Every session but this browser's ends, and the editors they have open are closed. */
export function EndOtherSessionsButton() {
  const { error, pending, run } = useSignOut();
  return (
    <div className="stack">
      <FormError message={error} />
      <div>
        <button type="button" className="danger" disabled={pending} onClick={() => run(() => signOutOtherSessionsAction())}>
          {pending ? "Signing out…" : "Sign out of all other sessions"}
        </button>
      </div>
    </div>
  );
}
