"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { resetPasswordAction } from "@/app/reset-password/[token]/actions";
import { FormError } from "@/components/FormError";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/password-rules";

/** Sets the new password through the link, then signs in with it: the link's holder has just shown they may. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== form.get("repeatPassword")) {
      setError("The new password and its repetition differ.");
      return;
    }
    startTransition(async () => {
      const result = await resetPasswordAction({ token, password });
      if (!result.ok) return setError(result.error);
      const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
      // Should signing in be held back (the sign-in limit), the password is set all the same: the sign-in page says so.
      window.location.assign(signedIn?.error ? `/signin?reset=1` : "/");
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <FormError message={error} />
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <label>
        New password
        <input name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" autoFocus />
      </label>
      <label>
        Repeat the new password
        <input name="repeatPassword" type="password" required autoComplete="new-password" />
      </label>
      <p className="muted">At least {MIN_PASSWORD_LENGTH} characters.</p>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Setting…" : "Set password and sign in"}
      </button>
    </form>
  );
}
