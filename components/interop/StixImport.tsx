"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ChangeEvent } from "react";
import { importStixAction, previewStixImportAction } from "@/app/t/[team]/import/stix-actions";
import { FormError } from "@/components/FormError";
import type { ImportOutcome as Outcome, ImportPreview as Preview } from "@/lib/interop/import-preview";
import { ImportOutcome } from "./ImportOutcome";
import { ImportPreview } from "./ImportPreview";

const MAX_MB = 10;

/**
 * Actors, places and events from a STIX 2.1 bundle (from OpenCTI, MISP or a
 * Dossier export): choosing the file shows what would be created, merged or
 * skipped; nothing is written before Import.
 */
export function StixImport({ team }: { team: string }) {
  const router = useRouter();
  const [bundle, setBundle] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function previewOf(file: { name: string; text: string }) {
    startTransition(async () => {
      const result = await previewStixImportAction({ team, bundle: file.text });
      setError(result.ok ? null : result.error);
      setPreview(result.ok ? result.data : null);
    });
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    setPreview(null);
    setOutcome(null);
    setError(null);
    setBundle(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_MB * 1024 * 1024) return setError(`A bundle may be at most ${MAX_MB} MB.`);
    const file = { name: chosen.name, text: await chosen.text() };
    setBundle(file);
    previewOf(file);
  }

  function importBundle() {
    if (!bundle) return;
    startTransition(async () => {
      const result = await importStixAction({ team, bundle: bundle.text });
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setOutcome(result.data);
        setPreview(null);
        router.refresh();
      }
    });
  }

  const importable = preview && preview.counts.create + preview.counts.merge + preview.counts.participations > 0;
  return (
    <div className="stack" aria-busy={pending}>
      <label>
        STIX 2.1 bundle
        <input type="file" accept=".json,application/json,application/stix+json" onChange={chooseFile} disabled={pending} />
      </label>
      <p className="muted">
        Threat actors, intrusion sets, identities and locations become actors; groupings with Dossier&apos;s event extension, incidents and campaigns become events;
        relationships between them record who took part. An actor or event the team has (by name or alias) gains the new aliases and what is empty; nothing the team
        wrote is changed. Up to {MAX_MB} MB.
      </p>
      {pending && !preview && (
        <p className="muted" role="status">
          Reading the bundle…
        </p>
      )}
      <FormError message={error} />
      {preview && (
        <>
          <ImportPreview team={team} preview={preview} />
          <div>
            <button className="primary" type="button" onClick={importBundle} disabled={pending || !importable}>
              {pending ? "Importing…" : "Import"}
            </button>
          </div>
        </>
      )}
      {outcome && <ImportOutcome team={team} outcome={outcome} />}
    </div>
  );
}
