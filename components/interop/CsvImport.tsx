"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ChangeEvent } from "react";
import { importCsvAction, previewCsvImportAction } from "@/app/t/[team]/import/csv-actions";
import { FormError } from "@/components/FormError";
import { ENTITY_KIND_LIST, capitalise, type EntityKind } from "@/lib/entity-kinds";
import { CSV_FIELDS, CSV_LIMITS, guessMapping, mappingProblem, type ColumnMapping, type CsvField } from "@/lib/interop/csv/fields";
import { csvHeaders } from "@/lib/interop/csv/parse";
import type { ImportOutcome as Outcome, ImportPreview as Preview } from "@/lib/interop/import-preview";
import { ImportOutcome } from "./ImportOutcome";
import { ImportPreview } from "./ImportPreview";

interface CsvFile {
  name: string;
  text: string;
  headers: string[];
  sample: string[];
}

/** Which Dossier field each column of the file holds, one select a column, starting from the guess. */
function ColumnMappingTable({ file, mapping, onChange }: { file: CsvFile; mapping: ColumnMapping; onChange: (mapping: ColumnMapping) => void }) {
  const id = useId();
  return (
    <table className="list" aria-label="Columns">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">First row</th>
          <th scope="col">Holds</th>
        </tr>
      </thead>
      <tbody>
        {file.headers.map((header, column) => (
          <tr key={column}>
            <td>
              <label htmlFor={`${id}-${column}`}>{header || `Column ${column + 1}`}</label>
            </td>
            <td className="muted">{file.sample[column] ?? ""}</td>
            <td>
              <select
                id={`${id}-${column}`}
                value={mapping[column] ?? ""}
                onChange={(event) => onChange(mapping.map((field, i) => (i === column ? ((event.target.value || null) as CsvField | null) : field)))}
              >
                <option value="">Leave out</option>
                {CSV_FIELDS.map((field) => (
                  <option key={field.key} value={field.key}>
                    {field.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Actors and events from a CSV file: choose the file, say what each column
 * holds, see what would be created, merged or skipped, then import it all in
 * one go. Nothing is written before Import.
 */
export function CsvImport({ team }: { team: string }) {
  const router = useRouter();
  const [file, setFile] = useState<CsvFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [kind, setKind] = useState<EntityKind>("actor");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [working, setWorking] = useState<"reading" | "previewing" | "importing" | null>(null);

  const changed = () => {
    setPreview(null);
    setOutcome(null);
    setError(null);
  };

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    changed();
    setFile(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > CSV_LIMITS.bytes) return setError(`This file is larger than ${CSV_LIMITS.bytes / 1024 / 1024} MB; split it into smaller files.`);
    setWorking("reading");
    const text = await chosen.text();
    setWorking(null);
    const { headers, sample } = csvHeaders(text);
    if (headers.length === 0) return setError("This file is empty: it needs a header row, then a row for each actor or event.");
    setFile({ name: chosen.name, text, headers, sample });
    setMapping(guessMapping(headers));
  }

  const request = () => ({ team, csv: file?.text ?? "", mapping, kind });
  const problem = file ? mappingProblem(mapping, file.headers) : null;

  function run(step: "previewing" | "importing") {
    setWorking(step);
    startTransition(async () => {
      if (step === "previewing") {
        const result = await previewCsvImportAction(request());
        setError(result.ok ? null : result.error);
        setPreview(result.ok ? result.data : null);
      } else {
        const result = await importCsvAction(request());
        setError(result.ok ? null : result.error);
        if (result.ok) {
          setOutcome(result.data);
          setPreview(null);
          router.refresh();
        }
      }
      setWorking(null);
    });
  }

  const busy = pending || working !== null;
  const importable = preview && preview.counts.create + preview.counts.merge + preview.counts.participations > 0;
  return (
    <div className="stack" aria-busy={busy}>
      <label>
        CSV file
        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" onChange={chooseFile} disabled={busy} />
      </label>
      <p className="muted">
        A header row, then one actor or event a row, separated by commas, semicolons or tabs. Separate several aliases or tags in one cell with a semicolon (;), as in
        “DPRK; Pyongyang”. A row naming an actor or event the team has (by name or alias) adds its new aliases and tags and fills what is empty; nothing the team wrote
        is changed. Up to {CSV_LIMITS.rows.toLocaleString("en")} rows and {CSV_LIMITS.bytes / 1024 / 1024} MB.
      </p>
      {file && (
        <>
          <p>
            <strong>{file.name}</strong>: say what each column holds.
          </p>
          <ColumnMappingTable
            file={file}
            mapping={mapping}
            onChange={(next) => {
              changed();
              setMapping(next);
            }}
          />
          {
            <label>
              {mapping.includes("kind") ? "A row with no kind is" : "Every row is"}
              <select
                value={kind}
                onChange={(event) => {
                  changed();
                  setKind(event.target.value as EntityKind);
                }}
              >
                {ENTITY_KIND_LIST.map((spec) => (
                  <option key={spec.key} value={spec.key}>
                    {capitalise(spec.label.a)}
                  </option>
                ))}
              </select>
            </label>
          }
          {problem && <p className="muted">{problem}</p>}
          <div>
            <button type="button" onClick={() => run("previewing")} disabled={busy || problem !== null}>
              {working === "previewing" ? "Reading the rows…" : "Preview"}
            </button>
          </div>
        </>
      )}
      {working && (
        <p className="muted" role="status">
          {working === "importing" ? "Importing; a large file can take a few seconds." : "Reading the file; a large one can take a few seconds."}
        </p>
      )}
      <FormError message={error} />
      {preview && (
        <>
          <ImportPreview team={team} preview={preview} />
          <div>
            <button className="primary" type="button" onClick={() => run("importing")} disabled={busy || !importable}>
              {working === "importing" ? "Importing…" : "Import"}
            </button>
          </div>
        </>
      )}
      {outcome && <ImportOutcome team={team} outcome={outcome} />}
    </div>
  );
}
