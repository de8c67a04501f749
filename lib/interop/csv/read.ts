import { ACTOR_TYPES, DATE_PRECISIONS, type DatePrecision } from "@/db/schema";
import { parsePartialDate, partialDateInput } from "@/lib/entities/dates";
import { entityInput } from "@/lib/entities/validation";
import { badRequest } from "@/lib/errors";
import { capitalise, ENTITY_KIND_LIST, entityKind, wordList, type EntityKind } from "@/lib/entity-kinds";
import { toCountryCode } from "@/lib/geo/countries";
import type { ImportProblem, ImportRow, ParsedImport } from "../import-rows";
import { CSV_LIMITS, csvFieldLabel, mappingProblem, type ColumnMapping, type CsvField } from "./fields";
import { unneutralised } from "./formulas";
import { parseCsv, type CsvRecord, type CsvTable } from "./parse";

/** Lists in one cell (aliases, tags) are separated by semicolons, as the form says. */
export const LIST_SEPARATOR = ";";

const FIELDS_OF: Record<"typed" | "dated", CsvField[]> = {
  typed: ["actorType"],
  dated: ["date", "endDate", "precision", "place"],
};
const FINENESS: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };
const ACTOR_TYPE_SPELLINGS: Record<string, string> = { organization: "organisation" };

class RowProblem extends Error {}

const kindNamed = (text: string): EntityKind | undefined =>
  ENTITY_KIND_LIST.find((spec) => [spec.key, spec.label.one, spec.label.many].includes(text.toLowerCase()))?.key;

/** A date written to a precision: "2006-10-09" known to the month is "2006-10". */
function dateAt(text: string, precision: DatePrecision | null, what: string): string {
  if (text === "" || precision === null) return text;
  const date = parsePartialDate(text);
  if (!date) return text; // the entity's own validation says what is wrong with it
  if (FINENESS[date.precision] < FINENESS[precision]) throw new RowProblem(`The ${what} “${text}” is not known to the ${precision}.`);
  return partialDateInput(date.date, precision);
}

function readRecord(record: CsvRecord, mapping: ColumnMapping, defaultKind: EntityKind): ImportRow {
  const cell = (field: CsvField) => {
    const column = mapping.indexOf(field);
    return column === -1 ? "" : unneutralised(record.cells[column] ?? "").trim();
  };
  const list = (field: CsvField) =>
    cell(field)
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter(Boolean);

  const kind = cell("kind") === "" ? defaultKind : kindNamed(cell("kind"));
  if (!kind) throw new RowProblem(`“${cell("kind")}” is not a kind: write ${wordList(ENTITY_KIND_LIST.map((spec) => spec.key), "or")}.`);
  const spec = entityKind(kind);
  for (const field of FIELDS_OF[spec.details === "typed" ? "dated" : "typed"]) {
    if (cell(field) !== "") throw new RowProblem(`${capitalise(spec.label.a)} has no ${csvFieldLabel(field).toLowerCase()}; leave it empty for this row.`);
  }
  const country = cell("country");
  const countryCode = country === "" ? null : toCountryCode(country);
  if (countryCode === undefined) throw new RowProblem(`“${country}” names no country: write its two-letter ISO code (such as IR) or its English name.`);
  const shared = { kind, name: cell("name"), aliases: list("aliases"), tags: list("tags"), summary: cell("summary"), latitude: cell("latitude"), longitude: cell("longitude"), countryCode };

  let details: Record<string, unknown>;
  if (spec.details === "typed") {
    const typed = cell("actorType").toLowerCase();
    const actorType = (Object.hasOwn(ACTOR_TYPE_SPELLINGS, typed) ? ACTOR_TYPE_SPELLINGS[typed] : undefined) ?? typed;
    if (actorType !== "" && !(ACTOR_TYPES as readonly string[]).includes(actorType)) throw new RowProblem(`“${cell("actorType")}” is not an actor type: write ${wordList([...ACTOR_TYPES], "or")}.`);
    details = { actorType: actorType || null };
  } else {
    const given = cell("precision").toLowerCase();
    if (given !== "" && !(DATE_PRECISIONS as readonly string[]).includes(given)) throw new RowProblem(`“${cell("precision")}” is not a precision: write day, month or year.`);
    const precision = (given || null) as DatePrecision | null;
    details = { startsOn: dateAt(cell("date"), precision, "date"), endsOn: dateAt(cell("endDate"), precision, "end date"), place: cell("place") };
  }

  const parsed = entityInput.safeParse({ ...shared, ...details });
  if (!parsed.success) {
    // The inputs' own messages are sentences; zod's defaults only name the field.
    const messages = parsed.error.issues.map((issue) => (/^[A-Z].*\.$/.test(issue.message) ? issue.message : `${capitalise(String(issue.path.join(" ")))}: ${issue.message}.`));
    throw new RowProblem([...new Set(messages)].join(" "));
  }
  return { line: record.line, ref: `line ${record.line}`, input: parsed.data };
}

/**
 * Turns a CSV's records into import rows through the entity inputs the
 * forms use, each bad row a problem with its line and a sentence. A row's
 * kind is its kind column's, else `defaultKind`.
 */
export function readCsvImport(table: CsvTable, mapping: ColumnMapping, defaultKind: EntityKind): ParsedImport {
  const problem = mappingProblem(mapping, table.headers);
  if (problem) throw badRequest(problem);
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = table.problems.map((p) => ({ ...p, ref: `line ${p.line}` }));
  for (const record of table.records) {
    try {
      rows.push(readRecord(record, mapping, defaultKind));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      problems.push({ line: record.line, ref: `line ${record.line}`, message: error.message });
    }
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line), participations: [] };
}

/** A CSV file's text read into import rows, refused with a sentence past CSV_LIMITS. */
export function readCsvText(text: string, mapping: ColumnMapping, defaultKind: EntityKind): ParsedImport {
  if (new TextEncoder().encode(text).byteLength > CSV_LIMITS.bytes) throw badRequest(`This file is larger than ${CSV_LIMITS.bytes / 1024 / 1024} MB; split it into smaller files.`);
  return readCsvImport(parseCsv(text), mapping, defaultKind);
}
