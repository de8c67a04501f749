"use client";

import { useState, useTransition } from "react";
import { renewFeedTokenAction, revokeFeedTokenAction } from "@/app/t/[team]/feeds/actions";
import { FormError } from "@/components/FormError";

/** A personal feed link, shown once when made; making a new one or revoking stops the old one. */
export function FeedTokenControls({ team, origin, hasToken }: { team: string; origin: string; hasToken: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  const [active, setActive] = useState(hasToken);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <div className="stack">
      <div className="row">
        <button
          className="primary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await renewFeedTokenAction({ team });
              if (!result.ok) return setError(result.error);
              setUrl(`${origin}/feeds/${team}/team?token=${result.data}`);
              setActive(true);
            })
          }
        >
          {active ? "Make a new feed link" : "Make my feed link"}
        </button>
        {active && (
          <button
            className="danger"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await revokeFeedTokenAction({ team });
                if (!result.ok) return setError(result.error);
                setUrl(null);
                setActive(false);
              })
            }
          >
            Revoke my feed link
          </button>
        )}
      </div>
      {url && (
        <p className="notice">
          Your personal feed (keep it private; it is shown once): <span className="invite-link" data-testid="feed-url">{url}</span>
        </p>
      )}
      {!url && active && <p className="muted">You have a feed link. Making a new one stops the old one.</p>}
      <FormError message={error} />
    </div>
  );
}
