import Papa from "papaparse";
import { badRequest } from "@/lib/errors";
import { CSV_LIMITS } from "./fields";

export interface CsvRecord {
  /** The line of the file the record starts on (the header is line 1); a quoted newline makes a record span lines. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  /** Lines papaparse could not read (an unclosed quote), with its sentence. */
  problems: { line: number; message: string }[];
}

/**
 * Reads CSV text: a header row, then records, in whatever delimiter
 * papaparse detects (comma, semicolon, tab, bar), with or without a BOM,
 * quoted fields holding commas and newlines. Blank lines are passed over.
 * Refused with a sentence past the limits of CSV_LIMITS.
 */
export function parseCsv(text: string, limits: Pick<typeof CSV_LIMITS, "rows" | "columns"> = CSV_LIMITS): CsvTable {
  const source = text.replace(/^\uFEFF/, "");
  const rows: { start: number; cells: string[] }[] = [];
  const problems: { start: number; message: string }[] = [];
  let start = 0;
  let linebreak = "\n";
  const blank = /\s*/y;
  Papa.parse<string[]>(source, {
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      linebreak = result.meta.linebreak || linebreak;
      // A record starts after the blank lines papaparse passed over before it.
      blank.lastIndex = start;
      const skipped = source.slice(start, start + (blank.exec(source)?.[0].length ?? 0)).lastIndexOf(linebreak);
      if (skipped !== -1) start += skipped + linebreak.length;
      // A single column has no delimiter to detect; that is no problem.
      const errors = result.errors.filter((error) => error.code !== "UndetectableDelimiter");
      if (errors.length) problems.push({ start, message: `This line cannot be read: ${errors[0].message.toLowerCase()}.` });
      else rows.push({ start, cells: result.data });
      start = result.meta.cursor;
      if (rows.length > limits.rows + 1) parser.abort();
    },
  });
  if (rows.length > limits.rows + 1) throw badRequest(`This file has more than ${limits.rows.toLocaleString("en")} rows; split it into smaller files.`);
  if (rows.length === 0) return { headers: [], records: [], problems: [] };
  if (rows[0].cells.length > limits.columns) throw badRequest(`This file has more than ${limits.columns} columns.`);

  // Line numbers from the records' starting offsets, counting line breaks (of any style, as an editor does) once through the text.
  const breaks = /\r\n|\n|\r/g;
  let line = 1;
  let next = breaks.exec(source);
  const lineAt = (offset: number) => {
    for (; next && next.index < offset; next = breaks.exec(source)) line++;
    return line;
  };
  const [header, ...rest] = rows;
  const lined = [...rows.map((row) => row.start), ...problems.map((p) => p.start)].sort((a, b) => a - b);
  const lines = new Map(lined.map((offset) => [offset, lineAt(offset)]));
  return {
    headers: header.cells.map((cell) => cell.trim()),
    records: rest.map((row) => ({ line: lines.get(row.start)!, cells: row.cells })),
    problems: problems.map((problem) => ({ line: lines.get(problem.start)!, message: problem.message })),
  };
}

/** The headers and the first record of CSV text, for the column mapping: reads no further. */
export function csvHeaders(text: string): { headers: string[]; sample: string[] } {
  const [headers = [], sample = []] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { preview: 2, skipEmptyLines: "greedy" }).data;
  return { headers: headers.map((header) => header.trim()), sample };
}
