/**
 * Spreadsheets run a cell that starts with one of these as a formula
 * (`=HYPERLINK(…)` can send what a sheet holds elsewhere). OWASP's advice on
 * CSV injection: start such a cell with a quote, which the spreadsheet
 * shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;
/** A plain number ("-33.86") is no formula, and stays a number for the sheet and for an import. */
const NUMBER = /^[+-]?\d+(\.\d+)?$/;

export const neutralised = (cell: string): string => (FORMULA_START.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell);

/** A cell of an exported file as it was before neutralised() quoted it, so an export imports back unchanged. */
export const unneutralised = (cell: string): string => (NEUTRALISED.test(cell) ? cell.slice(1) : cell);
