"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createSourceAction, updateSourceAction } from "@/app/t/[team]/sources/actions";
import { FormError } from "@/components/FormError";
import { RELIABILITY_GRADES, RELIABILITY_LABELS, SOURCE_KIND_LABELS, SOURCE_KINDS, type Reliability, type SourceKind } from "@/lib/source-grading";
import { ActorPicker, type ActorChoice } from "./ActorPicker";

export interface SourceFormValues {
  title: string;
  kind: SourceKind;
  originator: string;
  actor: ActorChoice | null;
  url: string;
  description: string;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** A new source with its first grade, or (with `id`) what an existing source is; its grade changes elsewhere, with a reason. */
export function SourceForm({ team, id, initial }: { team: string; id?: string; initial?: SourceFormValues }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      title: text(form, "title"),
      kind: text(form, "kind"),
      originator: text(form, "originator"),
      originatorEntityId: text(form, "originatorEntityId"),
      url: text(form, "url"),
      description: text(form, "description"),
    };
    startTransition(async () => {
      const result = id
        ? await updateSourceAction({ team, id, source: fields })
        : await createSourceAction({ team, source: { ...fields, reliability: text(form, "reliability") } });
      if (!result.ok) return setError(result.error);
      setError(null);
      router.push(result.data.path);
      router.refresh();
    });
  }

  const key = id ?? "new";
  return (
    <form className="stack source-form" onSubmit={submit} aria-label={id ? "Edit source" : "New source"}>
      <FormError message={error} />
      <label>
        Title
        <input name="title" required maxLength={300} defaultValue={initial?.title} placeholder="e.g. State Department briefing, 3 March" />
      </label>
      <div className="row">
        <div className="field">
          <label htmlFor={`source-kind-${key}`}>Kind</label>
          <select id={`source-kind-${key}`} name="kind" defaultValue={initial?.kind ?? "document"}>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SOURCE_KIND_LABELS[kind].one}
              </option>
            ))}
          </select>
        </div>
        <label>
          Originator
          <input name="originator" maxLength={200} defaultValue={initial?.originator} placeholder="Who issued it, e.g. Reuters" />
        </label>
      </div>
      <ActorPicker team={team} name="originatorEntityId" initial={initial?.actor ?? null} />
      <label>
        Address (optional)
        <input name="url" type="url" maxLength={2000} defaultValue={initial?.url} placeholder="https://…" />
      </label>
      <label>
        Description
        <textarea name="description" rows={4} maxLength={5000} defaultValue={initial?.description} />
      </label>
      {!id && <ReliabilityChoice name="reliability" legend="Reliability" />}
      <div>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : id ? "Save changes" : "Add source"}
        </button>
      </div>
    </form>
  );
}

/** The A–F scale as a group of radio buttons, each with its meaning. */
export function ReliabilityChoice({ name, legend, exclude }: { name: string; legend: string; exclude?: Reliability }) {
  return (
    <fieldset className="reliability-choice">
      <legend>{legend}</legend>
      {RELIABILITY_GRADES.filter((grade) => grade !== exclude).map((grade) => (
        <label key={grade} className="inline">
          <input type="radio" name={name} value={grade} required />
          <strong>{grade}</strong> {RELIABILITY_LABELS[grade]}
        </label>
      ))}
    </fieldset>
  );
}
