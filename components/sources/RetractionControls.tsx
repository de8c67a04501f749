"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { reinstateSourceAction, retractSourceAction } from "@/app/t/[team]/sources/retraction-actions";
import { FormError } from "@/components/FormError";

interface Props {
  team: string;
  source: { id: string; title: string };
  /** Whether the source is retracted now: it is then reinstated, else retracted. */
  retracted: boolean;
}

const WORDS = {
  retract: {
    open: "Retract…",
    label: "Why is it retracted?",
    hint: "Kept in the source's history and told to the owners and the authors of the notes and editions citing it.",
    submit: "Retract source",
    pending: "Retracting…",
    confirm: (title: string) => `Retract “${title}”? Every note and edition citing it will be marked, and their authors told.`,
  },
  reinstate: {
    open: "Reinstate…",
    label: "Why is it reinstated?",
    hint: "Kept in the source's history. What cites it is no longer warned of the retraction.",
    submit: "Reinstate source",
    pending: "Reinstating…",
    confirm: (title: string) => `Reinstate “${title}”?`,
  },
};

/** Retracts a source with a reason, or reinstates a retracted one: a reason, then a confirmation. */
export function RetractionControls({ team, source, retracted }: Props) {
  const what = retracted ? "reinstate" : "retract";
  const words = WORDS[what];
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reasonId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (!reason) return setError("Say why, for the source's history.");
    if (!window.confirm(words.confirm(source.title))) return;
    startTransition(async () => {
      const call = what === "retract" ? retractSourceAction : reinstateSourceAction;
      const result = await call({ team, sourceId: source.id, reason });
      if (!result.ok) return setError(result.error);
      setError(null);
      setOpen(false);
      router.refresh();
    });
  }

  if (!open)
    return (
      <button type="button" className={what === "retract" ? "danger" : undefined} onClick={() => setOpen(true)}>
        {words.open}
      </button>
    );

  return (
    <form className="stack" onSubmit={submit} aria-label={words.submit}>
      <label className="field">
        {words.label}
        <textarea name="reason" aria-required="true" maxLength={1_000} rows={3} autoFocus aria-describedby={`${reasonId}-hint`} />
      </label>
      <p className="muted" id={`${reasonId}-hint`}>
        {words.hint}
      </p>
      <div className="row">
        <button type="submit" className={what === "retract" ? "danger" : "primary"} disabled={pending}>
          {pending ? words.pending : words.submit}
        </button>
        <button type="button" onClick={() => (setOpen(false), setError(null))} disabled={pending}>
          Cancel
        </button>
      </div>
      <FormError message={error} />
    </form>
  );
}
