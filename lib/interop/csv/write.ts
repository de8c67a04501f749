import Papa from "papaparse";
import type { Entity } from "@/db/schema";
import { partialDateInput } from "@/lib/entities/dates";
import { neutralised } from "./formulas";
import { LIST_SEPARATOR } from "./read";

/** The columns of an export, with headers the import's guess reads back (lib/interop/csv/fields.ts). */
const COLUMNS: [header: string, value: (entity: Entity & { tags: string[] }) => string][] = [
  ["Kind", (e) => e.kind],
  ["Name", (e) => e.name],
  ["Aliases", (e) => e.aliases.join(`${LIST_SEPARATOR} `)],
  ["Actor type", (e) => e.actorType ?? ""],
  ["Date", (e) => partialDateInput(e.startsOn, e.datePrecision)],
  ["End date", (e) => partialDateInput(e.endsOn, e.datePrecision)],
  ["Precision", (e) => (e.startsOn ? (e.datePrecision ?? "") : "")],
  ["Place", (e) => e.place],
  ["Latitude", (e) => (e.latitude === null ? "" : String(e.latitude))],
  ["Longitude", (e) => (e.longitude === null ? "" : String(e.longitude))],
  ["Country", (e) => e.countryCode ?? ""],
  ["Tags", (e) => e.tags.join(`${LIST_SEPARATOR} `)],
  ["Summary", (e) => e.summary],
];

/**
 * Entities as CSV, one a row with every field, ready for a spreadsheet: a
 * BOM so it reads the text as UTF-8, and every cell that a sheet would run
 * as a formula neutralised.
 */
export function entitiesCsv(list: (Entity & { tags: string[] })[]): string {
  return `\uFEFF${Papa.unparse({
    fields: COLUMNS.map(([header]) => header),
    data: list.map((entity) => COLUMNS.map(([, value]) => neutralised(value(entity)))),
  })}\r\n`;
}
