import type { DatePrecision } from "@/db/schema";
import { stixId } from "./ids";

/**
 * STIX 2.1 has no object for an event, so an event is a `grouping` that
 * carries this property extension: when it happened (to a day, a month or
 * a year), where, and the point or country the map draws it at. The bundle
 * holds its extension-definition, so a consumer can read what it means.
 */
export const EVENT_EXTENSION_ID = stixId("extension-definition", "dossier:x-dossier-event");

/** Dossier itself, the creator of the extension (not of any team's knowledge). */
export const DOSSIER_IDENTITY_ID = stixId("identity", "dossier:software");

/** When the extension was defined: fixed, so every bundle carries the same object. */
const DEFINED = "2026-11-30T00:00:00.000Z";

export interface EventExtension {
  extension_type: "property-extension";
  /** The start as entered: "2006", "2006-10" or "2006-10-09". */
  start?: string;
  end?: string;
  precision?: DatePrecision;
  place?: string;
  latitude?: number;
  longitude?: number;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

const SCHEMA =
  "Property extension of a grouping that stands for an event (Dossier, docs/ARCHITECTURE.md, STIX 2.1). Properties, each optional: " +
  "start and end (the dates as known: YYYY, YYYY-MM or YYYY-MM-DD, end no earlier than start and written like it), " +
  "precision (day, month or year: how well the dates are known), place (where, as text), " +
  "latitude and longitude (decimal degrees, both or neither), country (ISO 3166-1 alpha-2).";

export const dossierIdentity = () => ({
  type: "identity" as const,
  spec_version: "2.1" as const,
  id: DOSSIER_IDENTITY_ID,
  created: DEFINED,
  modified: DEFINED,
  name: "Dossier",
  identity_class: "system",
  description: "The collaborative notebook that defined the x-dossier-event extension.",
});

export const eventExtensionDefinition = () => ({
  type: "extension-definition" as const,
  spec_version: "2.1" as const,
  id: EVENT_EXTENSION_ID,
  created_by_ref: DOSSIER_IDENTITY_ID,
  created: DEFINED,
  modified: DEFINED,
  name: "x-dossier-event",
  description: "An event: what happened, when and where, as a Dossier team records it.",
  schema: SCHEMA,
  version: "1.0",
  extension_types: ["property-extension"],
});
