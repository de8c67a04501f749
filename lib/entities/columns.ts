import { entityKind, type TypedKind } from "@/lib/entity-kinds";
import type { EntityInput } from "./validation";

const isTyped = (input: EntityInput): input is Extract<EntityInput, { kind: TypedKind }> => entityKind(input.kind).details === "typed";

/** The columns of `entities` an input sets: the shared ones, and those of its kind's details. */
export function entityColumns(input: EntityInput) {
  const shared = {
    name: input.name,
    aliases: input.aliases,
    summary: input.summary,
    latitude: input.latitude,
    longitude: input.longitude,
    countryCode: input.countryCode,
  };
  if (isTyped(input)) return { ...shared, actorType: input.actorType };
  return {
    ...shared,
    startsOn: input.startsOn?.date ?? null,
    endsOn: input.endsOn?.date ?? null,
    datePrecision: input.startsOn?.precision ?? null,
    place: input.place,
  };
}
