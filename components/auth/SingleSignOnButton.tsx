"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { FormError } from "@/components/FormError";

/** Goes to the configured issuer to sign in, and comes back to `callbackPath` (lib/auth/auth.ts checks what it answers). */
export function SingleSignOnButton({ providerId, name, callbackPath, primary }: { providerId: string; name: string; callbackPath: string; primary: boolean }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setError(null);
    try {
      // next-auth keeps the state, PKCE verifier and nonce in cookies of its own and sends the browser on.
      await signIn(providerId, { redirectTo: callbackPath });
    } catch {
      setError("Dossier could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="stack">
      <FormError message={error} />
      <button type="button" className={primary ? "primary" : undefined} onClick={start} disabled={pending}>
        {pending ? `Going to ${name}…` : `Sign in with ${name}`}
      </button>
    </div>
  );
}
