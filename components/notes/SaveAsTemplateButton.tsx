"use client";

import Link from "next/link";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { saveAsTemplateAction } from "@/app/t/[team]/templates/actions";
import { FormError } from "@/components/FormError";

/**
 * Saves the note's text as it is now as a template of the team: a native
 * modal dialog asks its name and what it is for. Open suggestions are left
 * out; everything else of the body is kept.
 */
export function SaveAsTemplateButton({ team, noteId }: { team: string; noteId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await saveAsTemplateAction({ team, noteId, name: data.get("name"), description: data.get("description") });
      setError(result.ok ? null : result.error);
      if (!result.ok) return;
      setSaved(result.data.name);
      dialog.current?.close();
    });
  }

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        Save as template
      </button>
      {saved && (
        <p className="notice" role="status">
          Saved as the template “{saved}”: it is offered to everyone starting a note. <Link href={`/t/${team}/templates`}>The team&apos;s templates</Link>
        </p>
      )}
      <dialog ref={dialog} className="card save-template" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Save as template</h2>
        <p className="muted">New notes started from it begin with this note&apos;s text as it is now, without its open suggestions.</p>
        <form className="stack" onSubmit={submit} aria-label="Template">
          <label className="field">
            <span>Name</span>
            <input name="name" maxLength={200} placeholder="The note's title" aria-describedby={`${id}-name-hint`} autoComplete="off" />
          </label>
          <p id={`${id}-name-hint`} className="muted">
            Left empty, the template takes the note&apos;s title.
          </p>
          <label className="field">
            <span>Description</span>
            <input name="description" maxLength={300} placeholder="What it is for (optional)" autoComplete="off" />
          </label>
          <FormError message={error} />
          <div className="row">
            <button className="primary" type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save template"}
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
