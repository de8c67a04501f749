"use client";

import { useState, useTransition, type FormEvent } from "react";
import { requestPasswordResetAction } from "@/app/forgot-password/actions";
import { FormError, FormNotice } from "@/components/FormError";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await requestPasswordResetAction({ email: form.get("email") });
      setError(result.ok ? null : result.error);
      setSent(result.ok ? result.data : null);
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <FormError message={error} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required maxLength={320} autoFocus />
      </label>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </button>
      <FormNotice message={sent} />
    </form>
  );
}
