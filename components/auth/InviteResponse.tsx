"use client";

import { signIn } from "next-auth/react";
import { useState, useTransition, type FormEvent } from "react";
import { acceptInviteAction, signUpWithInviteAction } from "@/app/invite/[token]/actions";
import { FormError } from "@/components/FormError";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/password-rules";

/** A signed-in user accepts; anyone else creates an account for the invited email. */
export function InviteResponse({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function accept() {
    startTransition(async () => {
      const result = await acceptInviteAction({ token });
      if (result.ok) window.location.assign(result.data);
      else setError(result.error);
    });
  }

  function signUp(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    startTransition(async () => {
      const result = await signUpWithInviteAction({ token, name: form.get("name"), password });
      if (!result.ok) return setError(result.error);
      await signIn("credentials", { email: result.data.email, password, redirect: false });
      window.location.assign(result.data.path);
    });
  }

  const errorBox = <FormError message={error} />;

  if (signedIn) {
    return (
      <div className="stack">
        {errorBox}
        <button className="primary" onClick={accept} disabled={pending}>
          {pending ? "Joining…" : "Join the team"}
        </button>
      </div>
    );
  }
  return (
    <form className="stack" onSubmit={signUp}>
      {errorBox}
      <label>
        Email
        <input value={email} readOnly />
      </label>
      <label>
        Your name
        <input name="name" required maxLength={100} autoComplete="name" autoFocus />
      </label>
      <label>
        Choose a password
        <input name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
      </label>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account and join"}
      </button>
    </form>
  );
}
