"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteWebhookAction, sendTestEventAction, setWebhookPausedAction } from "@/app/t/[team]/settings/webhooks/actions";
import { FormError, FormNotice } from "@/components/FormError";
import type { ActionResult } from "@/lib/action";

/** Pause or resume, send a test event, delete: each asks the server, then the page is read again. */
export function WebhookControls({ team, webhookId, off }: { team: string; webhookId: string; off: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (act: () => Promise<ActionResult<unknown>>, done: string) =>
    startTransition(async () => {
      const result = await act();
      setError(result.ok ? null : result.error);
      setNotice(result.ok ? done : null);
      if (result.ok) router.refresh();
    });

  return (
    <div className="stack">
      <div className="row">
        <button type="button" disabled={pending} onClick={() => run(() => setWebhookPausedAction({ team, webhookId, paused: !off }), off ? "Resumed." : "Paused.")}>
          {off ? "Resume" : "Pause"}
        </button>
        <button type="button" disabled={pending || off} onClick={() => run(() => sendTestEventAction({ team, webhookId }), "A test event is on its way.")}>
          Send a test event
        </button>
        <button
          type="button"
          className="danger"
          disabled={pending}
          onClick={() => {
            if (window.confirm("Delete this webhook and its delivery log?")) run(() => deleteWebhookAction({ team, webhookId }), "Deleted.");
          }}
        >
          Delete
        </button>
      </div>
      <FormError message={error} />
      <FormNotice message={notice} />
    </div>
  );
}
