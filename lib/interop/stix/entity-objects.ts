import type { ActorType, DatePrecision } from "@/db/schema";
import { partialDateInput } from "@/lib/entities/dates";
import type { EntityKind } from "@/lib/entity-kinds";
import { toCountryCode } from "@/lib/geo/countries";
import { EVENT_EXTENSION_ID, type EventExtension } from "./event-extension";
import { stixId } from "./ids";
import type { StixObject } from "./objects";

/** What the team knows of an entity, beyond what the edition froze (its name and kind). */
export interface EntityDetail {
  actorType: ActorType | null;
  aliases: readonly string[];
  summary: string;
  tags: readonly string[];
  startsOn: string | null;
  endsOn: string | null;
  datePrecision: DatePrecision | null;
  place: string;
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null;
  created: Date;
  modified: Date;
}

/** An entity the edition mentions. Without `detail` (a reader from outside the team), only its frozen name and kind go out. */
export interface MentionedEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** The sentences around its mentions, as frozen with the edition. */
  snippets: readonly string[];
  detail?: EntityDetail;
}

/**
 * An organisation with one of these tags is an adversary, exported as a
 * `threat-actor`; any other is an `identity` of class organization.
 */
export const HOSTILE_TAGS = ["hostile", "adversary", "threat actor", "threat-actor"];

const isHostile = (detail: EntityDetail) => detail.tags.some((tag) => HOSTILE_TAGS.includes(tag.trim().toLowerCase()));

/** The STIX type an entity goes out as (the id's prefix depends on it). */
export function stixTypeOf(entity: MentionedEntity): string {
  if (entity.kind === "event") return "grouping";
  switch (entity.detail?.actorType) {
    case "country":
    case "place":
      return "location";
    case "group":
      return "intrusion-set";
    case "organisation":
      return isHostile(entity.detail) ? "threat-actor" : "identity";
    default:
      return "identity";
  }
}

export const entityStixId = (entity: MentionedEntity) => stixId(stixTypeOf(entity), `entity:${entity.id}`);

const nonEmpty = <T>(items: readonly T[]) => (items.length > 0 ? [...items] : undefined);
const text = (value: string | null | undefined) => (value ? value : undefined);

/** Where an actor of type country or place is: the schema wants a country, a region or a point. */
function locationFields(name: string, detail: EntityDetail) {
  const point = detail.latitude !== null && detail.longitude !== null ? { latitude: detail.latitude, longitude: detail.longitude } : {};
  // A country without a stored code is looked up by its name ("Iran" is IR); failing that, it is named as its country.
  const country = detail.countryCode ?? (detail.actorType === "country" ? (toCountryCode(name) ?? name) : null);
  const region = !country && !("latitude" in point) ? name : undefined;
  return { region, country: country ?? undefined, ...point };
}

function actorObject(entity: MentionedEntity, common: StixObject): StixObject {
  const detail = entity.detail;
  const type = stixTypeOf(entity);
  if (!detail) return { ...common, name: entity.name, identity_class: "unknown" };
  const described = { ...common, name: entity.name, description: text(detail.summary), x_dossier_actor_type: detail.actorType ?? undefined };
  switch (type) {
    case "location":
      return { ...described, ...locationFields(entity.name, detail), x_dossier_aliases: nonEmpty(detail.aliases) };
    case "intrusion-set":
    case "threat-actor":
      return { ...described, aliases: nonEmpty(detail.aliases) };
    default: {
      const identityClass = detail.actorType === "person" ? "individual" : detail.actorType === "organisation" ? "organization" : "unknown";
      return { ...described, identity_class: identityClass, x_dossier_aliases: nonEmpty(detail.aliases) };
    }
  }
}

function eventExtension(detail: EntityDetail): EventExtension {
  return {
    extension_type: "property-extension",
    start: text(partialDateInput(detail.startsOn, detail.datePrecision)),
    end: text(partialDateInput(detail.endsOn, detail.datePrecision)),
    precision: detail.startsOn ? (detail.datePrecision ?? undefined) : undefined,
    place: text(detail.place),
    latitude: detail.latitude ?? undefined,
    longitude: detail.longitude ?? undefined,
    country: detail.countryCode ?? undefined,
  };
}

/**
 * An actor as an identity, location, intrusion-set or threat-actor; an event
 * as a grouping carrying the x-dossier-event extension, whose object_refs
 * are the actors taking part (or, with none, the report that names it).
 */
export function entityObject(entity: MentionedEntity, common: Omit<StixObject, "type" | "id">, context: { participants: readonly string[]; reportId: string }): StixObject {
  const created = entity.detail ? { created: entity.detail.created.toISOString(), modified: entity.detail.modified.toISOString() } : {};
  const base = { type: stixTypeOf(entity), spec_version: "2.1", id: entityStixId(entity), ...common, ...created };
  if (entity.kind !== "event") return actorObject(entity, base);
  return {
    ...base,
    name: entity.name,
    description: text(entity.detail?.summary),
    context: "unspecified",
    object_refs: context.participants.length > 0 ? [...context.participants] : [context.reportId],
    x_dossier_aliases: entity.detail ? nonEmpty(entity.detail.aliases) : undefined,
    extensions: entity.detail ? { [EVENT_EXTENSION_ID]: eventExtension(entity.detail) } : undefined,
  };
}
