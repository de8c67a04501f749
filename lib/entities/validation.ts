import { z } from "zod";
import { ACTOR_TYPES } from "@/db/schema";
import { parsePartialDate } from "./dates";
import { DATED_KINDS, TYPED_KINDS } from "@/lib/entity-kinds";
import { isCountryCode } from "@/lib/geo/countries";

const DATE_HINT = "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 2006-10-09).";

export const entityName = z
  .string()
  .trim()
  .min(1, "A name cannot be empty.")
  .max(200, "A name can be at most 200 characters.");

const list = (item: z.ZodString, max: number, what: string) =>
  z
    .array(item)
    .max(max, `At most ${max} ${what}.`)
    .default([])
    // The first spelling wins: a later one differing only in case is a repeat, not a correction.
    .transform((items) => items.filter((item, i) => item && items.findIndex((other) => other.toLowerCase() === item.toLowerCase()) === i));

export const tagNames = list(z.string().trim().max(60, "A tag can be at most 60 characters."), 30, "tags");

const common = {
  name: entityName,
  aliases: list(entityName, 30, "aliases"),
  summary: z.string().trim().max(5_000, "A summary can be at most 5,000 characters.").default(""),
  tags: tagNames,
};

/** A coordinate as a form or a file gives it: a number, text of one, or nothing (""). */
const coordinate = (what: "latitude" | "longitude", limit: number) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? null : Number(value.trim())) : value),
    z
      .number(`The ${what} must be a number of degrees.`)
      .min(-limit, `The ${what} must be between -${limit} and ${limit}.`)
      .max(limit, `The ${what} must be between -${limit} and ${limit}.`)
      .nullable()
      .default(null),
  );

/**
 * Where an entity is, for the map: a point, a country, or both. A country
 * is its ISO 3166-1 alpha-2 code ("IR"); a point needs both coordinates.
 */
export const locationFields = {
  latitude: coordinate("latitude", 90),
  longitude: coordinate("longitude", 180),
  countryCode: z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim().toUpperCase()) : value),
    z.string().refine(isCountryCode, "Give a country as its two-letter ISO code, such as IR or FR.").nullable().default(null),
  ),
};

const bothCoordinates = (place: { latitude: number | null; longitude: number | null }, ctx: z.RefinementCtx) => {
  if ((place.latitude === null) !== (place.longitude === null))
    ctx.addIssue({ code: "custom", path: [place.latitude === null ? "latitude" : "longitude"], message: "Give both the latitude and the longitude, or neither." });
};

/** A location on its own, as the entity form checks it before sending (per field). */
export const locationInput = z.object(locationFields).superRefine(bothCoordinates);

export const actorInput = z
  .object({
    ...common,
    actorType: z.enum(ACTOR_TYPES).nullable().default(null),
    ...locationFields,
  })
  .superRefine(bothCoordinates);

const partialDate = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === "") return null;
    const parsed = parsePartialDate(text);
    if (!parsed) ctx.addIssue({ code: "custom", message: DATE_HINT });
    return parsed;
  });

export const eventInput = z
  .object({
    ...common,
    startsOn: partialDate.default(null),
    endsOn: partialDate.default(null),
    place: z.string().trim().max(200, "A place can be at most 200 characters.").default(""),
    ...locationFields,
  })
  .superRefine((event, ctx) => {
    bothCoordinates(event, ctx);
    if (event.endsOn && !event.startsOn) ctx.addIssue({ code: "custom", path: ["startsOn"], message: "Give a start date before an end date." });
    if (event.startsOn && event.endsOn) {
      if (event.endsOn.precision !== event.startsOn.precision)
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Write the end date like the start date (both YYYY, YYYY-MM or YYYY-MM-DD)." });
      else if (event.endsOn.date < event.startsOn.date)
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The event cannot end before it starts." });
    }
  });

export type ActorInput = z.infer<typeof actorInput>;
export type EventInput = z.infer<typeof eventInput>;

/**
 * The one detail the editor asks for when an entity is made from a mention
 * (lib/entities/describe.ts): an actor's kind, or an event's date.
 */
export const entityDetails = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(TYPED_KINDS), actorType: z.enum(ACTOR_TYPES, "Choose one of the kinds offered.") }),
  z.object({ kind: z.enum(DATED_KINDS), startsOn: partialDate.refine((date) => date !== null, DATE_HINT) }),
]);
export type EntityDetails = z.infer<typeof entityDetails>;

/** An entity as a form sends it: its kind, and the fields of that kind's details (lib/entity-kinds.ts). */
export const entityInput = z.discriminatedUnion("kind", [
  actorInput.extend({ kind: z.enum(TYPED_KINDS) }),
  eventInput.extend({ kind: z.enum(DATED_KINDS) }),
]);
export type EntityInput = z.infer<typeof entityInput>;
