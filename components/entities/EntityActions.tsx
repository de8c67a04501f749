"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteEntityAction, mergeEntitiesAction } from "@/app/t/[team]/entities-actions";
import { FormError } from "@/components/FormError";
import { entityKind, type EntityKind } from "@/lib/entity-kinds";
import { EntityForm, type EntityFormValues } from "./EntityForm";

interface Props {
  team: string;
  entity: { id: string; kind: EntityKind; name: string };
  values: EntityFormValues;
  mergeCandidates: { id: string; name: string }[];
  canDelete: boolean;
}

/** Edit, merge another entry into this one, or delete it. */
export function EntityActions({ team, entity, values, mergeCandidates, canDelete }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [mergeId, setMergeId] = useState("");
  const [pending, startTransition] = useTransition();
  const noun = entityKind(entity.kind).label.one;

  const run = (action: () => Promise<{ ok: true; data: { path: string } } | { ok: false; error: string }>) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setError(result.error);
      setError(null);
      router.push(result.data.path);
      router.refresh();
    });

  return (
    <div className="stack">
      <FormError message={error} />
      <details className="card padded">
        <summary>Edit {noun}</summary>
        <EntityForm team={team} kind={entity.kind} id={entity.id} initial={values} />
      </details>
      {mergeCandidates.length > 0 && (
        <details className="card padded">
          <summary>Merge a duplicate into this {noun}</summary>
          <p className="muted">
            Its mentions in every note will point here, its names become aliases of “{entity.name}”, and it is removed.
          </p>
          <div className="row">
            <select aria-label={`Duplicate ${noun} to merge`} value={mergeId} onChange={(event) => setMergeId(event.target.value)}>
              <option value="">Choose…</option>
              {mergeCandidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
            <button
              disabled={!mergeId || pending}
              onClick={() => run(() => mergeEntitiesAction({ team, keepId: entity.id, removeId: mergeId }))}
            >
              {pending ? "Merging…" : "Merge"}
            </button>
          </div>
        </details>
      )}
      {canDelete && (
        <div>
          <button
            className="danger"
            disabled={pending}
            onClick={() => {
              if (window.confirm(`Delete “${entity.name}”? Its mentions in notes become plain text.`))
                run(() => deleteEntityAction({ team, id: entity.id }));
            }}
          >
            Delete {noun}
          </button>
        </div>
      )}
    </div>
  );
}
