"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { addParticipantAction, removeParticipantAction } from "@/app/t/[team]/entities-actions";
import { FormError } from "@/components/FormError";

interface Props {
  team: string;
  eventId: string;
  participants: { relationId: string; role: string; actor: { id: string; name: string } }[];
  actors: { id: string; name: string }[];
}

/** The actors taking part in an event, with their roles. */
export function ParticipantsEditor({ team, eventId, participants, actors }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : (result.error ?? null));
      router.refresh();
    });

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    event.currentTarget.reset();
    run(() => addParticipantAction({ team, eventId, actorId: form.get("actorId"), role: form.get("role") ?? "" }));
  }

  return (
    <div className="stack">
      <FormError message={error} />
      {participants.length === 0 ? (
        <p className="muted">No participants recorded.</p>
      ) : (
        <ul className="related">
          {participants.map((p) => (
            <li key={p.relationId}>
              <Link className="mention mention-actor" href={`/t/${team}/actors/${p.actor.id}`}>
                {p.actor.name}
              </Link>
              {p.role && <span className="muted"> — {p.role}</span>}{" "}
              <button className="link-button" disabled={pending} onClick={() => run(() => removeParticipantAction({ team, relationId: p.relationId }))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={add} aria-label="Add a participant">
        <select name="actorId" required aria-label="Actor" defaultValue="">
          <option value="" disabled>
            Actor…
          </option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
        <input name="role" placeholder="Role (e.g. host)" maxLength={100} aria-label="Role in the event" />
        <button type="submit" disabled={pending}>
          Add participant
        </button>
      </form>
    </div>
  );
}
