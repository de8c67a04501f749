"use client";

import Link from "next/link";
import { useActionState, useId, useRef, useState } from "react";
import { createNoteAction } from "@/app/t/[team]/actions";
import { FormError } from "@/components/FormError";

/** A template as the chooser offers it. */
export interface TemplateOption {
  id: string;
  name: string;
  description: string;
}

/**
 * New note starts a blank note in one click; "From a template…" opens a
 * native modal dialog listing Blank note and the team's templates, each a
 * button that starts the note (Tab between them, Esc to close).
 * The body is the server's to build, whichever is chosen. Made while the
 * notes list shows a collection, the note is filed there.
 */
export function NewNoteButton({ team, templates, collection }: { team: string; templates: TemplateOption[]; collection?: { id: string; name: string } }) {
  const [state, action, pending] = useActionState(createNoteAction, null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [choosing, setChoosing] = useState(false);
  const id = useId();
  const error = state && !state.ok ? state.error : null;

  return (
    <div className="new-note">
      <form action={action}>
        <input type="hidden" name="team" value={team} />
        {collection && <input type="hidden" name="collection" value={collection.id} />}
        <button className="primary" type="submit" disabled={pending}>
          {pending && !choosing ? "Creating…" : "New note"}
          {collection && <span className="sr-only"> in “{collection.name}”</span>}
        </button>
      </form>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={pending}
        onClick={() => {
          setChoosing(true);
          dialog.current?.showModal();
        }}
      >
        From a template…
      </button>
      {!choosing && <FormError message={error} />}
      <dialog ref={dialog} className="card template-chooser" aria-labelledby={`${id}-title`} onClose={() => setChoosing(false)}>
        <h2 id={`${id}-title`}>Start a note</h2>
        <form action={action}>
          <input type="hidden" name="team" value={team} />
          {collection && <input type="hidden" name="collection" value={collection.id} />}
        {collection && <input type="hidden" name="collection" value={collection.id} />}
          <ul className="template-choices">
            <li>
              <button type="submit" name="template" value="" disabled={pending} aria-describedby={`${id}-blank`} autoFocus>
                Blank note
              </button>
              <p id={`${id}-blank`} className="muted">
                An empty page.
              </p>
            </li>
            {templates.map((template) => (
              <li key={template.id}>
                <button type="submit" name="template" value={template.id} disabled={pending} aria-describedby={`${id}-${template.id}`}>
                  {template.name}
                </button>
                <p id={`${id}-${template.id}`} className="muted">
                  {template.description || "No description."}
                </p>
              </li>
            ))}
          </ul>
          {pending && <p role="status">Creating the note…</p>}
          {choosing && <FormError message={error} />}
        </form>
        <div className="template-chooser-foot">
          <Link href={`/t/${team}/templates`}>The team&apos;s templates</Link>
          <form method="dialog">
            <button type="submit">Cancel</button>
          </form>
        </div>
      </dialog>
    </div>
  );
}
