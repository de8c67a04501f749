"use client";

import { useState } from "react";
import { FormError } from "@/components/FormError";
import { CITATION_ATTRIBUTE_CHECKS } from "@/lib/editor/citations";
import type { LookedUpSource } from "@/lib/sources/lookup-wire";
import { CREDIBILITY_GRADES, CREDIBILITY_LABELS, isCredibility, MAX_LOCATOR_LENGTH, RELIABILITY_LABELS } from "@/lib/source-grading";
import { standingWarning } from "./citation-text";
import type { CitationFields } from "./citing";
import { ChoiceSelect } from "@/components/ChoiceSelect";

interface Props {
  source: LookedUpSource | null;
  /** The citation's fields when it is changed, not made. */
  current?: CitationFields;
  save(fields: CitationFields): void;
  remove?: () => void;
  cancel(): void;
}

/** How credible this item is, where in the source and when it was obtained: asked before a citation goes in, and to change one. */
export function CitationForm({ source, current, save, remove, cancel }: Props) {
  const [error, setError] = useState<string | null>(null);
  const warning = source && standingWarning(source.standing);

  function submit(form: FormData) {
    const credibility = String(form.get("credibility") ?? "");
    if (!isCredibility(credibility)) return setError("Grade how credible this item is, from 1 to 6.");
    const obtainedOn = String(form.get("obtainedOn") ?? "") || null;
    // A date input lets a year of five digits through; the server would refuse the whole edit for it.
    if (!CITATION_ATTRIBUTE_CHECKS.obtainedOn(obtainedOn)) return setError("Give the date obtained as a day of the calendar, with a four-digit year.");
    save({ credibility, locator: String(form.get("locator") ?? "").trim().slice(0, MAX_LOCATOR_LENGTH), obtainedOn });
  }

  return (
    <form
      className="citing-form"
      aria-label={current ? "Citation" : "Cite this source"}
      action={submit}
      // Enter in any field, the credibility list too, cites.
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target instanceof HTMLSelectElement) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <h3>{current ? "Citation" : "Cite"}</h3>
      {source ? (
        <p className="citing-source">
          {source.title} <span className="muted">· {source.reliability}: {RELIABILITY_LABELS[source.reliability].toLowerCase()}</span>
        </p>
      ) : (
        <p className="muted">Source not found in the team&apos;s register.</p>
      )}
      {warning && <p className="citation-warning">{warning}</p>}
      <label className="field">
        Credibility of this item
        <ChoiceSelect
          name="credibility"
          options={CREDIBILITY_GRADES.map((grade) => [grade, `${grade}: ${CREDIBILITY_LABELS[grade]}`] as const)}
          defaultValue={current?.credibility ?? ""}
          placeholder="Choose 1–6…"
          autoFocus
        />
      </label>
      <label className="field">
        Locator <span className="muted">(optional: page, paragraph, timestamp)</span>
        <input name="locator" maxLength={MAX_LOCATOR_LENGTH} defaultValue={current?.locator ?? ""} />
      </label>
      <label className="field">
        Date obtained <span className="muted">(optional)</span>
        <input name="obtainedOn" type="date" min="1000-01-01" max="9999-12-31" defaultValue={current?.obtainedOn ?? ""} />
      </label>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="primary">
          {current ? "Save citation" : "Cite"}
        </button>
        {remove && (
          <button type="button" className="danger" onClick={remove}>
            Remove citation
          </button>
        )}
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
