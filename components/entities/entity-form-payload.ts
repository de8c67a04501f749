import { locationInput } from "@/lib/entities/validation";
import { entityKind, type EntityKind } from "@/lib/entity-kinds";
import { carriesLocation } from "@/lib/geo/located";

export interface LocationValues {
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null;
}

export type LocationErrors = Partial<Record<keyof LocationValues, string>>;

export interface EntityFormValues extends Partial<LocationValues> {
  name: string;
  aliases: string[];
  summary: string;
  tags: string[];
  actorType?: string | null;
  startsOn?: string;
  endsOn?: string;
  place?: string;
}

/** The location the entity has now (none for a new one). */
export const storedLocation = (initial?: EntityFormValues): LocationValues => ({
  latitude: initial?.latitude ?? null,
  longitude: initial?.longitude ?? null,
  countryCode: initial?.countryCode ?? null,
});

const splitList = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** Each field's first problem, for the location group's own errors. */
function byField(issues: { path: PropertyKey[]; message: string }[]): LocationErrors {
  const errors: LocationErrors = {};
  for (const issue of issues) errors[issue.path[0] as keyof LocationValues] ??= issue.message;
  return errors;
}

/**
 * What the entity form sends, from its fields: the entity as the create and
 * update actions read it, or the location's errors by field. An actor that is
 * no country or place has no location fields, and sends the location it has,
 * so saving it keeps one an import gave it.
 */
export function entityFormPayload(kind: EntityKind, form: FormData, initial?: EntityFormValues): { entity: Record<string, unknown> } | { locationErrors: LocationErrors } {
  const typed = entityKind(kind).details === "typed";
  let location = storedLocation(initial);
  if (carriesLocation(kind, typed ? String(form.get("actorType") ?? "") : null)) {
    const checked = locationInput.safeParse({ latitude: form.get("latitude"), longitude: form.get("longitude"), countryCode: form.get("countryCode") });
    if (!checked.success) return { locationErrors: byField(checked.error.issues) };
    location = checked.data;
  }
  return {
    entity: {
      kind,
      name: form.get("name"),
      aliases: splitList(form.get("aliases")),
      summary: form.get("summary") ?? "",
      tags: splitList(form.get("tags")),
      ...location,
      ...(typed
        ? { actorType: form.get("actorType") || null }
        : { startsOn: form.get("startsOn") ?? "", endsOn: form.get("endsOn") ?? "", place: form.get("place") ?? "" }),
    },
  };
}
