"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createWebhookAction } from "@/app/t/[team]/settings/webhooks/actions";
import { SaveFooter } from "@/components/SaveFooter";

/** Adds a webhook, then shows its signing secret once: the server keeps it sealed and never shows it again. */
export function AddWebhookForm({ team, events }: { team: string; events: { name: string; label: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await createWebhookAction({ team, url: data.get("url"), description: data.get("description"), events: data.getAll("events") });
      setError(result.ok ? null : result.error);
      setSecret(result.ok ? result.data.secret : null);
      if (result.ok) {
        form.reset();
        router.refresh();
      }
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Add a webhook">
      <label className="field">
        <span>URL</span>
        <input name="url" type="url" required placeholder="https://hooks.example.org/dossier" autoComplete="off" spellCheck={false} />
      </label>
      <label className="field">
        <span>Description</span>
        <input name="description" maxLength={200} placeholder="What receives it (optional)" />
      </label>
      <fieldset className="stack choice-list">
        <legend>Events</legend>
        {events.map(({ name, label }) => (
          <label key={name} className="inline">
            <input type="checkbox" name="events" value={name} /> {label} <code>{name}</code>
          </label>
        ))}
      </fieldset>
      <SaveFooter pending={pending} label="Add webhook" error={error} notice={null} />
      {secret && (
        <div className="notice stack" role="status">
          <p>
            The webhook is added. Its signing secret is shown this once: copy it now, to check the <code>X-Dossier-Signature</code> header of
            what it receives.
          </p>
          <code data-testid="webhook-secret">{secret}</code>
        </div>
      )}
    </form>
  );
}
