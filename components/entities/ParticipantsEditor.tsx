"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { addParticipantAction, removeParticipantAction } from "@/app/t/[team]/entities-actions";
import { FormError } from "@/components/FormError";
import { capitalise, kindsPhrase, PARTICIPANT_KINDS, type EntityKind } from "@/lib/entity-kinds";
import { EntityLink } from "./EntityLink";

interface Props {
  team: string;
  eventId: string;
  participants: { relationId: string; role: string; actor: { id: string; kind: EntityKind; name: string } }[];
  actors: { id: string; name: string }[];
}

/** Who may take part ("Actor"), as the add form names them. */
const participantLabel = capitalise(kindsPhrase(PARTICIPANT_KINDS, "one", "or"));

/** The participants (actors) taking part in an occasion (an event), with their roles. */
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
              <EntityLink team={team} entity={p.actor} />
              {p.role && <span className="muted"> — {p.role}</span>}{" "}
              <button className="link-button" disabled={pending} onClick={() => run(() => removeParticipantAction({ team, relationId: p.relationId }))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={add} aria-label="Add a participant">
        <select name="actorId" required aria-label={participantLabel} defaultValue="">
          <option value="" disabled>
            {participantLabel}…
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
