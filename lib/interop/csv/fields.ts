/**
 * The Dossier fields a CSV column may hold, and the guess from a file's
 * headers that the import form starts with. No imports of the server, so the
 * form reads the same list.
 */
export const CSV_FIELDS = [
  { key: "name", label: "Name", headers: ["name", "title", "entity", "label"] },
  { key: "kind", label: "Kind (actor or event)", headers: ["kind", "entitykind"] },
  { key: "aliases", label: "Aliases (separated by ;)", headers: ["aliases", "alias", "alsoknownas", "aka", "othernames"] },
  { key: "actorType", label: "Actor type", headers: ["actortype", "type"] },
  { key: "date", label: "Date", headers: ["date", "startdate", "start", "startson", "from", "when"] },
  { key: "endDate", label: "End date", headers: ["enddate", "end", "endson", "until", "to"] },
  { key: "precision", label: "Date precision (day, month or year)", headers: ["precision", "dateprecision"] },
  { key: "place", label: "Place", headers: ["place", "where", "venue"] },
  { key: "latitude", label: "Latitude", headers: ["latitude", "lat"] },
  { key: "longitude", label: "Longitude", headers: ["longitude", "lon", "lng", "long"] },
  { key: "country", label: "Country", headers: ["country", "countrycode", "iso", "iso2"] },
  { key: "tags", label: "Tags (separated by ;)", headers: ["tags", "tag", "labels", "keywords"] },
  { key: "summary", label: "Summary", headers: ["summary", "description", "notes", "note"] },
] as const;

export type CsvField = (typeof CSV_FIELDS)[number]["key"];
export const CSV_FIELD_KEYS = CSV_FIELDS.map((field) => field.key) as [CsvField, ...CsvField[]];
export const csvFieldLabel = (key: CsvField) => CSV_FIELDS.find((field) => field.key === key)!.label;

/** Which field each column holds, by the column's place; null leaves the column out. */
export type ColumnMapping = (CsvField | null)[];

/** What a file is read with beyond its text: how its columns map, and the kind of a row with no kind column. */
export const CSV_LIMITS = {
  /** The largest file read: well under the 12 MB a request may carry. */
  bytes: 5 * 1024 * 1024,
  /** The most rows (beyond the header) one import takes, so its one transaction stays short. */
  rows: 20_000,
  columns: 100,
};

const simplified = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The field each header most likely names ("Also known as" → aliases), each field guessed for one column at most. */
export function guessMapping(headers: string[]): ColumnMapping {
  const taken = new Set<CsvField>();
  return headers.map((header) => {
    const field = CSV_FIELDS.find((candidate) => !taken.has(candidate.key) && (candidate.headers as readonly string[]).includes(simplified(header)));
    if (!field) return null;
    taken.add(field.key);
    return field.key;
  });
}

/** Why a mapping cannot be read with, in a sentence; null when it can. */
export function mappingProblem(mapping: ColumnMapping, headers: string[]): string | null {
  if (!mapping.includes("name")) return "Choose the column that holds each row's name.";
  for (const field of CSV_FIELD_KEYS) {
    const columns = mapping.flatMap((mapped, i) => (mapped === field ? [headers[i] ?? `column ${i + 1}`] : []));
    if (columns.length > 1) return `Only one column can hold ${csvFieldLabel(field).toLowerCase()}: “${columns.join("” and “")}” both do.`;
  }
  return null;
}
