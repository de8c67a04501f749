"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createEntityAction, updateEntityAction } from "@/app/t/[team]/entities-actions";
import { FormError } from "@/components/FormError";
import { ACTOR_TYPE_LABELS, ACTOR_TYPES } from "@/lib/actor-types";
import { entityKind, type EntityKind } from "@/lib/entity-kinds";
import { carriesLocation } from "@/lib/geo/located";
import { entityFormPayload, storedLocation, type EntityFormValues, type LocationErrors } from "./entity-form-payload";
import { LocationFields } from "./LocationFields";

export type { EntityFormValues };

/** Creates an entity of a kind (an actor, an event), or edits one (with `id`); its fields follow the kind's details. */
export function EntityForm({ team, kind, id, initial }: { team: string; kind: EntityKind; id?: string; initial?: EntityFormValues }) {
  const spec = entityKind(kind);
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<LocationErrors>({});
  const [actorType, setActorType] = useState(initial?.actorType ?? "");
  const [pending, startTransition] = useTransition();
  const showsLocation = carriesLocation(kind, actorType);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const payload = entityFormPayload(kind, new FormData(event.currentTarget), initial);
    if ("locationErrors" in payload) return setFieldErrors(payload.locationErrors);
    setFieldErrors({});
    const { entity } = payload;
    startTransition(async () => {
      const result = id ? await updateEntityAction({ team, id, entity }) : await createEntityAction({ team, entity });
      if (!result.ok) return setError(result.error);
      setError(null);
      router.push(result.data.path);
      router.refresh();
    });
  }

  const noun = spec.label.one;
  return (
    <form className="stack entity-form" onSubmit={submit} aria-label={id ? `Edit ${noun}` : `New ${noun}`}>
      <FormError message={error} />
      <label>
        {spec.nameField}
        <input name="name" required maxLength={200} defaultValue={initial?.name} />
      </label>
      {spec.details === "typed" ? (
        <div className="field">
          <label htmlFor={`actor-type-${id ?? "new"}`}>Kind of {spec.label.one}</label>
          <select id={`actor-type-${id ?? "new"}`} name="actorType" value={actorType} onChange={(event) => setActorType(event.target.value)}>
            <option value="">Not specified</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {ACTOR_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="row">
          <label>
            Date
            <input name="startsOn" placeholder="YYYY, YYYY-MM or YYYY-MM-DD" defaultValue={initial?.startsOn} />
          </label>
          <label>
            Until (optional)
            <input name="endsOn" placeholder="same form as the date" defaultValue={initial?.endsOn} />
          </label>
          <label>
            Place
            <input name="place" maxLength={200} defaultValue={initial?.place} />
          </label>
        </div>
      )}
      {showsLocation && <LocationFields idPrefix={`location-${id ?? `new-${kind}`}`} initial={storedLocation(initial)} errors={fieldErrors} />}
      <label>
        Also known as (comma-separated)
        <input name="aliases" defaultValue={initial?.aliases.join(", ")} placeholder={spec.aliasExample} />
      </label>
      <label>
        Summary
        <textarea name="summary" rows={4} maxLength={5000} defaultValue={initial?.summary} />
      </label>
      <label>
        Tags (comma-separated)
        <input name="tags" defaultValue={initial?.tags.join(", ")} />
      </label>
      <div>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : id ? "Save changes" : `Create ${noun}`}
        </button>
      </div>
    </form>
  );
}
