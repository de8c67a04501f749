"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changePasswordAction } from "@/app/account/actions";
import { FormError, FormNotice } from "@/components/FormError";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/password-rules";

const ended = (n: number) => (n === 0 ? "No other browser was signed in." : `${n === 1 ? "One other session was" : `${n} other sessions were`} signed out.`);

/** Changing the password keeps this browser signed in and signs out every other one. */
export function PasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(null);
    if (form.get("newPassword") !== form.get("repeatPassword")) {
      setError("The new password and its repetition differ.");
      return;
    }
    startTransition(async () => {
      const result = await changePasswordAction({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword") });
      if (!result.ok) return setError(result.error);
      setError(null);
      setDone(`Your password is changed. ${ended(result.data.sessionsEnded)}`);
      formElement.reset();
      router.refresh();
    });
  }

  return (
    <form className="stack" onSubmit={submit}>
      <FormError message={error} />
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <label>
        Current password
        <input name="currentPassword" type="password" required autoComplete="current-password" />
      </label>
      <label>
        New password
        <input name="newPassword" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" aria-describedby="password-rule" />
      </label>
      <label>
        Repeat the new password
        <input name="repeatPassword" type="password" required autoComplete="new-password" />
      </label>
      <p id="password-rule" className="muted">
        At least {MIN_PASSWORD_LENGTH} characters. Changing it signs you out everywhere else.
      </p>
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
      <FormNotice message={done} />
    </form>
  );
}
