"use client";

import { useState } from "react";
import { createSourceAction } from "@/app/t/[team]/sources/actions";
import { FormError } from "@/components/FormError";
import type { LookedUpSource } from "@/lib/sources/lookup-wire";
import { RELIABILITY_GRADES, RELIABILITY_LABELS, SOURCE_KINDS, SOURCE_KIND_LABELS, type Reliability, type SourceKind } from "@/lib/source-grading";
import { ChoiceSelect } from "@/components/ChoiceSelect";

/** A new source for the register, made from the picker with the few fields a citation needs; the rest is on its page. */
export function CreateSourceForm({ team, title, created, cancel }: { team: string; title: string; created(source: LookedUpSource): void; cancel(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: FormData) {
    setBusy(true);
    const source = {
      title: String(form.get("title") ?? ""),
      kind: String(form.get("kind") ?? "") as SourceKind,
      reliability: String(form.get("reliability") ?? "") as Reliability,
      originator: String(form.get("originator") ?? ""),
    };
    const result = await createSourceAction({ team, source });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const { id, title: saved, kind, originator, reliability } = result.data;
    created({ id, title: saved, kind, originator, reliability, standing: { state: "sound" } });
  }

  return (
    <form className="citing-form" aria-label="New source" action={submit}>
      <h3>New source</h3>
      <label className="field">
        Title
        <input name="title" required maxLength={300} defaultValue={title} autoFocus />
      </label>
      <label className="field">
        Kind
        <ChoiceSelect name="kind" options={SOURCE_KINDS.map((kind) => [kind, SOURCE_KIND_LABELS[kind].one] as const)} />
      </label>
      <label className="field">
        Reliability
        <ChoiceSelect name="reliability" options={RELIABILITY_GRADES.map((grade) => [grade, `${grade}: ${RELIABILITY_LABELS[grade]}`] as const)} />
      </label>
      <label className="field">
        Originator <span className="muted">(optional)</span>
        <input name="originator" maxLength={200} placeholder="Who issued it" />
      </label>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating…" : "Create source"}
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
