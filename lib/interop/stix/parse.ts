import { z } from "zod";
import { ACTOR_TYPES, type ActorType } from "@/db/schema";
import { entityInput } from "@/lib/entities/validation";
import { isCountryCode, toCountryCode } from "@/lib/geo/countries";
import type { ImportParticipation, ImportProblem, ImportRow, ParsedImport } from "@/lib/interop/import-rows";
import { EVENT_EXTENSION_ID } from "./event-extension";

/** The largest bundle read: 10 MB of JSON. */
export const MAX_BUNDLE_BYTES = 10 * 1024 * 1024;
/** The most objects a bundle may hold. */
export const MAX_BUNDLE_OBJECTS = 10_000;

const MAX_SUMMARY = 5_000;
const MAX_ALIASES = 30;
const MAX_ROLE = 100;

const NOT_A_BUNDLE = "This is not a STIX bundle: its type is not “bundle”.";
const bundleShape = z.object({
  type: z.literal("bundle", NOT_A_BUNDLE),
  objects: z
    .array(z.unknown(), "This bundle holds no list of objects.")
    .max(MAX_BUNDLE_OBJECTS, `A bundle may hold at most ${MAX_BUNDLE_OBJECTS.toLocaleString("en")} objects.`),
}, NOT_A_BUNDLE);

/** What every object must have to be read at all. Other properties are read one by one, never trusted. */
const objectShape = z.looseObject({
  type: z.string().min(1).max(250),
  id: z.string().min(3).max(300),
});
type StixInput = z.infer<typeof objectShape>;

const ACTOR_OBJECTS = new Set(["threat-actor", "intrusion-set", "identity", "location"]);
/** Objects read as events besides a grouping with the x-dossier-event extension: STIX's incident, and a campaign (a named run of activity over time). */
const EVENT_OBJECTS = new Set(["incident", "campaign"]);

const SKIPPED: Record<string, string> = {
  report: "A report is not imported: its actors, places and events are, one by one.",
  note: "A note is not imported: only actors, places and events are.",
  opinion: "An opinion is not imported: only actors, places and events are.",
  "marking-definition": "A marking definition is not imported.",
  "extension-definition": "An extension definition is not imported.",
  grouping: "A grouping without the x-dossier-event extension is a set of objects, not an event: it is not imported.",
};

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The object as a message names it: “Lazarus Group” (intrusion-set), or its id. */
function named(object: StixInput): string {
  const name = text(object.name).trim();
  return name ? `“${name.length > 80 ? `${name.slice(0, 79)}…` : name}” (${object.type})` : object.id;
}

const summaryOf = (object: StixInput) => {
  const description = text(object.description).trim();
  return description.length > MAX_SUMMARY ? `${description.slice(0, MAX_SUMMARY - 1)}…` : description;
};

/** Aliases from `aliases`, else Dossier's or OpenCTI's own property; the name itself and over-long ones left out. */
function aliasesOf(object: StixInput): string[] {
  const name = text(object.name).trim().toLowerCase();
  const given = [object.aliases, object.x_dossier_aliases, object.x_opencti_aliases].map(strings).find((list) => list.length > 0) ?? [];
  return given
    .map((alias) => alias.trim())
    .filter((alias) => alias && alias.length <= 200 && alias.toLowerCase() !== name)
    .slice(0, MAX_ALIASES);
}

/** A country as a file writes it: an ISO code in any case, an alpha-3 code or an English name. */
const countryCodeOf = (value: unknown): string | null => {
  const given = text(value).trim();
  if (!given || given.length > 100) return null;
  return isCountryCode(given.toUpperCase()) ? given.toUpperCase() : (toCountryCode(given) ?? null);
};

const isActorType = (value: unknown): value is ActorType => typeof value === "string" && (ACTOR_TYPES as readonly string[]).includes(value);

/**
 * The actor type an object stands for. Dossier's own bundles say it
 * (x_dossier_actor_type); otherwise: an identity by its class, a
 * threat-actor or intrusion-set is a group, and a location is a country
 * when it names only a country (no point, city or address), else a place.
 */
function actorTypeOf(object: StixInput): ActorType | null {
  if (isActorType(object.x_dossier_actor_type)) return object.x_dossier_actor_type;
  switch (object.type) {
    case "identity":
      return ({ individual: "person", organization: "organisation", group: "group" } as Record<string, ActorType>)[text(object.identity_class)] ?? null;
    case "location": {
      const finer = ["latitude", "longitude", "city", "administrative_area", "street_address", "postal_code"].some((key) => object[key] !== undefined);
      return object.country !== undefined && !finer ? "country" : "place";
    }
    default:
      return "group";
  }
}

function actorFields(object: StixInput) {
  return {
    kind: "actor",
    name: text(object.name),
    aliases: aliasesOf(object),
    summary: summaryOf(object),
    actorType: actorTypeOf(object),
    // As given: validation says what is wrong with "north".
    latitude: object.latitude ?? null,
    longitude: object.longitude ?? null,
    countryCode: countryCodeOf(object.country),
  };
}

/** "2025-04-09T00:00:00Z" read to the precision given: "2025", "2025-04" or "2025-04-09". Anything else is left for validation to refuse. */
function dateOf(value: unknown, precision: unknown): string {
  const given = text(value).trim().slice(0, 40);
  const match = /^(\d{4})(-\d{2})?(-\d{2})?(T.*)?$/.exec(given);
  if (!match) return given;
  const [, year, month = "", day = ""] = match;
  if (precision === "year") return year;
  if (precision === "month" && month) return `${year}${month}`;
  return `${year}${month}${month ? day : ""}`;
}

function eventFields(object: StixInput, extension: Record<string, unknown> | null) {
  const where = extension ?? {};
  const [start, end] = extension ? [where.start, where.end] : [object.first_seen, object.last_seen];
  // A STIX timestamp is to the second; an event is known to a day at best.
  const precision = extension ? where.precision : "day";
  return {
    kind: "event",
    name: text(object.name),
    aliases: aliasesOf(object),
    summary: summaryOf(object),
    startsOn: start === undefined ? "" : dateOf(start, precision),
    endsOn: end === undefined ? "" : dateOf(end, precision),
    place: text(where.place),
    latitude: where.latitude ?? null,
    longitude: where.longitude ?? null,
    countryCode: countryCodeOf(where.country),
  };
}

/** The object as an entity's fields, or why it is not one. */
function entityFields(object: StixInput): { fields: Record<string, unknown> } | { skipped: string } {
  if (ACTOR_OBJECTS.has(object.type)) return { fields: actorFields(object) };
  const extension = object.type === "grouping" ? record(record(object.extensions)[EVENT_EXTENSION_ID]) : null;
  if (extension && Object.keys(extension).length > 0) return { fields: eventFields(object, extension) };
  if (EVENT_OBJECTS.has(object.type)) return { fields: eventFields(object, null) };
  return { skipped: (Object.hasOwn(SKIPPED, object.type) ? SKIPPED[object.type] : undefined) ?? `An object of type ${object.type} is not imported: only actors, places and events are.` };
}

/** The first thing validation says, as a sentence. */
const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? "It is not a valid actor or event.";

/**
 * Reads a STIX 2.1 bundle into what any import gives the planner
 * (lib/interop/import-rows.ts): actors from threat-actor, intrusion-set,
 * identity and location; events from a grouping carrying the x-dossier-event
 * extension (and from incident and campaign); participations from the
 * relationships between them. Everything else, and anything malformed, is
 * a problem with a sentence; nothing in the file is trusted.
 */
export function parseStixBundle(json: string): ParsedImport {
  const parsed: ParsedImport = { rows: [], problems: [], participations: [] };
  const fail = (message: string) => ({ ...parsed, problems: [{ line: 0, ref: "bundle", message }] });
  if (Buffer.byteLength(json, "utf8") > MAX_BUNDLE_BYTES) return fail("A bundle may be at most 10 MB.");
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail("This file is not JSON, so it is not a STIX bundle.");
  }
  const bundle = bundleShape.safeParse(data);
  if (!bundle.success) return fail(firstIssue(bundle.error));

  const problem = (line: number, ref: string, message: string) => parsed.problems.push({ line, ref, message } satisfies ImportProblem);
  const kinds = new Map<string, "actor" | "event">();
  const seen = new Set<string>();
  const relationships: { line: number; object: StixInput }[] = [];

  // Who made the bundle's objects is their author, not an actor of the file (Dossier's bundles name the team so).
  const authors = new Set(bundle.data.objects.map((item) => text(record(item).created_by_ref)).filter(Boolean));

  bundle.data.objects.forEach((item, index) => {
    const line = index + 1;
    const object = objectShape.safeParse(item);
    if (!object.success) return problem(line, `object ${line}`, `Object ${line} is not a STIX object: it needs a type and an id.`);
    const { id } = object.data;
    if (seen.has(id)) return problem(line, id, `${named(object.data)} appears more than once; the first is read.`);
    seen.add(id);
    if (object.data.type === "relationship") return void relationships.push({ line, object: object.data });
    if (object.data.type === "identity" && authors.has(id)) return problem(line, id, `${named(object.data)} is the author of objects of the bundle, not an actor of it: it is not imported.`);
    const read = entityFields(object.data);
    if ("skipped" in read) return problem(line, id, read.skipped);
    const input = entityInput.safeParse(read.fields);
    if (!input.success) return problem(line, id, `${named(object.data)} is not imported: ${firstIssue(input.error)}`);
    parsed.rows.push({ line, ref: id, input: input.data } satisfies ImportRow);
    kinds.set(id, input.data.kind === "event" ? "event" : "actor");
  });

  const paired = new Set<string>();
  for (const { line, object } of relationships) {
    const ends = [text(object.source_ref), text(object.target_ref)];
    const eventRef = ends.find((ref) => kinds.get(ref) === "event");
    const actorRef = ends.find((ref) => kinds.get(ref) === "actor");
    if (object.x_dossier_relation === "co-mention") problem(line, object.id, "A co-mention says two were named together, not that one took part in the other: it is not imported.");
    else if (!eventRef || !actorRef) problem(line, object.id, "This relationship is not between an actor and an event of the bundle: it is not imported.");
    else {
      const type = text(object.relationship_type);
      const role = typeof object.x_dossier_role === "string" ? object.x_dossier_role : type !== "related-to" ? type : "";
      const pair = `${eventRef} ${actorRef}`;
      if (paired.has(pair)) problem(line, object.id, "These two are already linked by another relationship of the bundle; the first is read.");
      else parsed.participations.push({ eventRef, actorRef, role: role.trim().slice(0, MAX_ROLE) } satisfies ImportParticipation);
      paired.add(pair);
    }
  }
  parsed.problems.sort((a, b) => a.line - b.line);
  return parsed;
}
