"use client";

import { SaveFooter } from "@/components/SaveFooter";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { updateTeamStandardsAction } from "@/app/t/[team]/settings/actions";
import { TlpBadge } from "@/components/markings/TlpBadge";
import { LIKELIHOOD_SCALE_IDS, LIKELIHOOD_SCALES, type LikelihoodScaleId, type LikelihoodWording } from "@/lib/tradecraft/likelihood";
import { TLP_LEVELS, TLP_MEANINGS, type TlpLevel } from "@/lib/tradecraft/tlp";

interface Props {
  team: { slug: string; likelihoodScale: LikelihoodScaleId; likelihoodWording: LikelihoodWording; defaultMarking: TlpLevel };
}

const WORDINGS: { value: LikelihoodWording; label: (columns: { terms: string; alternatives: string }) => string }[] = [
  { value: "either", label: () => "Either column, but not both mixed in one brief" },
  { value: "terms", label: (columns) => `Only the ${columns.terms[0].toLowerCase()}${columns.terms.slice(1)}` },
  { value: "alternatives", label: (columns) => `Only the ${columns.alternatives[0].toLowerCase()}${columns.alternatives.slice(1)}` },
];

/** The team's standards: the scale its judgments' likelihoods are written in, and the handling marking a new note starts with. */
export function TeamStandardsForm({ team }: Props) {
  const router = useRouter();
  const [scaleId, setScaleId] = useState(team.likelihoodScale);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const scale = LIKELIHOOD_SCALES[scaleId];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateTeamStandardsAction({
        team: team.slug,
        likelihoodScale: form.get("likelihoodScale"),
        // A one-column scale has no choice to make: what was chosen stays.
        likelihoodWording: form.get("likelihoodWording") ?? team.likelihoodWording,
        defaultMarking: form.get("defaultMarking"),
      });
      setError(result.ok ? null : result.error);
      setNotice(result.ok ? "Saved." : null);
      if (result.ok) router.refresh();
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Standards">
      <fieldset className="stack choice-list">
        <legend>Scale of likelihood</legend>
        {LIKELIHOOD_SCALE_IDS.map((id) => (
          <label key={id} className="inline">
            <input type="radio" name="likelihoodScale" value={id} checked={scaleId === id} onChange={() => setScaleId(id)} />{" "}
            <strong>{LIKELIHOOD_SCALES[id].name}</strong> <span className="muted">{LIKELIHOOD_SCALES[id].description}</span>
          </label>
        ))}
      </fieldset>
      <table className="scale-steps" aria-label={`Steps of ${scale.name}`}>
        <thead>
          <tr>
            <th scope="col">{scale.columns ? scale.columns.terms : "Terms"}</th>
            {scale.columns && <th scope="col">{scale.columns.alternatives}</th>}
            <th scope="col">Probability</th>
          </tr>
        </thead>
        <tbody>
          {scale.steps.map((step) => (
            <tr key={step.rank}>
              <td>{step.terms.join(", ")}</td>
              {scale.columns && <td>{step.alternatives.join(", ")}</td>}
              <td>{step.range}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scale.columns && (
        <fieldset className="stack choice-list">
          <legend>Wording</legend>
          {WORDINGS.map((wording) => (
            <label key={wording.value} className="inline">
              <input type="radio" name="likelihoodWording" value={wording.value} defaultChecked={team.likelihoodWording === wording.value} />{" "}
              {wording.label(scale.columns!)}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="stack choice-list">
        <legend>Handling marking of a new note</legend>
        {TLP_LEVELS.map((level) => (
          <label key={level} className="inline">
            <input type="radio" name="defaultMarking" value={level} defaultChecked={team.defaultMarking === level} /> <TlpBadge marking={level} />{" "}
            <span className="muted">{TLP_MEANINGS[level]}</span>
          </label>
        ))}
        <p className="muted">Existing notes keep their marking. Only a brief marked TLP:CLEAR can be published to anyone with the link.</p>
      </fieldset>
      <SaveFooter pending={pending} label="Save standards" error={error} notice={notice} />
    </form>
  );
}
