"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { decideReviewAction, requestReviewAction } from "@/app/t/[team]/notes/[id]/review-actions";
import { FormError } from "@/components/FormError";
import { CARRIED_SUGGESTIONS_RULE, carryQuestion, openSuggestionCount } from "@/lib/review/suggestion-words";

interface Props {
  team: string;
  noteId: string;
  canRequest: boolean;
  canDecide: boolean;
  reviewers: { id: string; name: string }[];
  /** Suggestions open in the text as it is now: approving carries them, and only when the reviewer says so. */
  openSuggestions: number;
}

export function ReviewControls({ team, noteId, canRequest, canDecide, reviewers, openSuggestions }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [summary, setSummary] = useState("");
  const [carry, setCarry] = useState(false);
  // The server judges the text as it is then, and refuses an approval that would carry suggestions unasked.
  const waitingForCarry = openSuggestions > 0 && !carry;
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error ?? null));
      if (result.ok) router.refresh();
    });

  return (
    <div className="stack">
      {canRequest && (
        <div className="row">
          {reviewers.length > 0 && (
            <fieldset className="reviewer-choice">
              <legend>Ask (optional)</legend>
              {reviewers.map((reviewer) => (
                <label key={reviewer.id} className="inline">
                  <input
                    type="checkbox"
                    checked={chosen.includes(reviewer.id)}
                    onChange={(event) => setChosen((list) => (event.target.checked ? [...list, reviewer.id] : list.filter((id) => id !== reviewer.id)))}
                  />{" "}
                  {reviewer.name}
                </label>
              ))}
            </fieldset>
          )}
          <button className="primary" disabled={pending} onClick={() => run(() => requestReviewAction({ team, noteId, reviewers: chosen }))}>
            Request review
          </button>
        </div>
      )}
      {canDecide && (
        <div className="stack">
          <label>
            Summary for the author
            <textarea value={summary} onChange={(event) => setSummary(event.target.value)} rows={2} maxLength={5000} />
          </label>
          {openSuggestions > 0 && (
            <fieldset className="carry-suggestions" data-testid="carry-suggestions">
              <legend>{openSuggestionCount(openSuggestions)}</legend>
              <p>{carryQuestion(openSuggestions)}</p>
              <label className="inline">
                <input type="checkbox" checked={carry} onChange={(event) => setCarry(event.target.checked)} /> Approve and carry {openSuggestionCount(openSuggestions)}
              </label>
              <p className="hint">{CARRIED_SUGGESTIONS_RULE}</p>
            </fieldset>
          )}
          <div className="row">
            <button
              className="primary"
              disabled={pending || waitingForCarry}
              onClick={() => run(() => decideReviewAction({ team, noteId, decision: "approve", summary, carrySuggestions: openSuggestions > 0 && carry }))}
            >
              Approve
            </button>
            <button disabled={pending} onClick={() => run(() => decideReviewAction({ team, noteId, decision: "request_changes", summary }))}>
              Request changes
            </button>
          </div>
        </div>
      )}
      <FormError message={error} />
    </div>
  );
}
