"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/FormError";
import { signInErrorMessage } from "@/lib/auth/sign-in-refusal";

export function SignInForm({ callbackPath, email: initialEmail = "" }: { callbackPath: string; email?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.error) {
        setError(signInErrorMessage(result.code));
        setPending(false);
        return;
      }
      window.location.assign(callbackPath);
    } catch {
      setError("Dossier could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <FormError message={error} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={initialEmail} autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
