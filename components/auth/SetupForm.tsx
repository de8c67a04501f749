"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { setUpAction } from "@/app/setup/actions";
import { FormError } from "@/components/FormError";

/**
 * The first account and team. Submitted from onSubmit rather than as the
 * form's action, so a refused form keeps what was typed.
 */
export function SetupForm() {
  const [state, dispatch, pending] = useActionState(setUpAction, null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  return (
    <form className="stack setup-form" onSubmit={submit}>
      <FormError message={state && !state.ok ? state.error : null} />
      <fieldset className="stack">
        <legend>Your account</legend>
        <label className="field">
          Your name
          <input name="name" required maxLength={100} autoComplete="name" autoFocus />
        </label>
        <label className="field">
          Email
          <input name="email" type="email" required maxLength={320} autoComplete="email" />
        </label>
        <div className="field">
          <label htmlFor="setup-password">Password</label>
          <input id="setup-password" name="password" type="password" required minLength={8} maxLength={1024} autoComplete="new-password" aria-describedby="password-hint" />
          <span id="password-hint" className="muted hint">
            At least 8 characters.
          </span>
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>Your team</legend>
        <label className="field">
          Team name
          <input name="teamName" required maxLength={80} placeholder="Korea desk" />
        </label>
        <div className="field">
          <label htmlFor="setup-team-slug">Web address</label>
          <input id="setup-team-slug" name="teamSlug" maxLength={40} pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="korea-desk" aria-describedby="slug-hint" />
          <span id="slug-hint" className="muted hint">
            The team&apos;s pages are at /t/ followed by this: lowercase letters, digits and hyphens. Left blank, it is made from the team&apos;s name.
          </span>
        </div>
      </fieldset>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Setting up…" : "Create account and team"}
      </button>
    </form>
  );
}
