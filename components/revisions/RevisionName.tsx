"use client";

import { useState, useTransition, type FormEvent } from "react";
import { nameRevisionAction } from "@/app/t/[team]/notes/[id]/history/actions";
import { FormError } from "@/components/FormError";

/** A revision's name, and for editors a way to give or change it. */
export function RevisionName(props: { team: string; noteId: string; revisionId: string; name: string | null; editable: boolean }) {
  const [name, setName] = useState(props.name);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    startTransition(async () => {
      const result = await nameRevisionAction({ team: props.team, noteId: props.noteId, revisionId: props.revisionId, name: value });
      if (!result.ok) return setError(result.error);
      setName(value || null);
      setEditing(false);
      setError(null);
    });
  }

  if (editing) {
    return (
      <div className="row">
        <form onSubmit={save} className="row">
          <input name="name" defaultValue={name ?? ""} maxLength={120} aria-label="Revision name" autoFocus />
          <button type="submit" disabled={pending}>
            Save
          </button>
        </form>
        <FormError message={error} />
      </div>
    );
  }
  return (
    <span>
      {name ? <strong className="revision-name">{name}</strong> : <span className="muted">—</span>}{" "}
      {props.editable && (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {name ? "Rename" : "Name"}
        </button>
      )}
    </span>
  );
}
