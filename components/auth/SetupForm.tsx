"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { setUpAction } from "@/app/setup/actions";
import { FormError } from "@/components/FormError";
import { TEAM_NAME_MAX, TEAM_SLUG_MAX } from "@/lib/teams/team-fields";
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "@/lib/users/password-rules";

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
          <input id="setup-password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} maxLength={MAX_PASSWORD_BYTES} autoComplete="new-password" aria-describedby="password-hint" />
          <span id="password-hint" className="muted hint">
            At least {MIN_PASSWORD_LENGTH} characters.
          </span>
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>Your team</legend>
        <label className="field">
          Team name
          <input name="teamName" required maxLength={TEAM_NAME_MAX} placeholder="Korea desk" />
        </label>
        <div className="field">
          <label htmlFor="setup-team-slug">Address</label>
          <span className="muted">
            /t/
            <input
              id="setup-team-slug"
              name="teamSlug"
              maxLength={TEAM_SLUG_MAX}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              placeholder="korea-desk"
              aria-describedby="slug-hint"
              spellCheck={false}
              autoCapitalize="none"
            />
          </span>
          <span id="slug-hint" className="muted hint">
            Lowercase letters, digits and hyphens. Left blank, it is made from the team&apos;s name.
          </span>
        </div>
      </fieldset>
      <button className="primary" type="submit" disabled={pending}>
        {pending ? "Setting up…" : "Create account and team"}
      </button>
    </form>
  );
}
