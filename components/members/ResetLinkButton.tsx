"use client";

import { useState, useTransition } from "react";
import { createResetLinkAction } from "@/app/t/[team]/members/actions";
import { FormError } from "@/components/FormError";

/**
 * Makes a link that sets a new password for the member, and shows it once to
 * hand over: it is kept only as a hash, so it cannot be shown again.
 */
export function ResetLinkButton({ team, userId, name }: { team: string; userId: string; name: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      const result = await createResetLinkAction({ team, userId });
      setError(result.ok ? null : result.error);
      setLink(result.ok ? result.data : null);
      setCopied(false);
    });

  const copy = async () => {
    if (!link) return;
    await navigator.clipboard.writeText(link);
    setCopied(true);
  };

  return (
    <>
      <button type="button" disabled={pending} onClick={create} aria-label={`Reset password for ${name}: make a link`}>
        {pending ? "Making…" : "Reset password"}
      </button>
      <FormError message={error} />
      {link && (
        <div className="notice reset-link" role="status">
          <p>
            Give this link to {name} yourself. It sets a new password once, within 30 minutes, and is shown only now:
          </p>
          <input className="invite-link" value={link} readOnly aria-label={`Password reset link for ${name}`} data-testid="reset-link" onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      )}
    </>
  );
}
