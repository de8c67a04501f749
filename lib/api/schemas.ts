import { z } from "zod";

/** Shared pieces of the API's schemas. */

export const idParam = z.object({ id: z.uuid().meta({ description: "The object's id." }) });

/** A moment, as the API writes it: ISO 8601 in UTC. */
export const timestamp = z.iso.datetime().meta({ example: "2026-05-04T09:30:00.000Z" });

/** Dates become ISO strings before the response schema checks them. */
export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
