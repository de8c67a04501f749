import type { DatePrecision } from "@/db/schema";
import { formatDay } from "@/lib/day";

/**
 * Event dates are known to a day, a month or a year: "2006-10-09", "2006-10",
 * "2006". They are stored as the first day of the period with its precision.
 */
export interface PartialDate {
  date: string;
  precision: DatePrecision;
}

const FORMATS: [RegExp, DatePrecision][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, "day"],
  [/^(\d{4})-(\d{2})$/, "month"],
  [/^(\d{4})$/, "year"],
];

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when the text is not a real date. */
export function parsePartialDate(text: string): PartialDate | null {
  const value = text.trim();
  for (const [pattern, precision] of FORMATS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const [year, month = 1, day = 1] = match.slice(1).map(Number);
    // Not Date.UTC, which reads years 0–99 as 1900–1999: "0050" is the year 50.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    if (!real || year < 1) return null;
    return { date: date.toISOString().slice(0, 10), precision };
  }
  return null;
}

/** The date as it was entered: "2006", "2006-10" or "2006-10-09". */
export function partialDateInput(date: string | null, precision: DatePrecision | null): string {
  if (!date) return "";
  return precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date;
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2006", "October 2006", "9 October 2006". */
export function formatPartialDate(date: string, precision: DatePrecision | null): string {
  const value = new Date(`${date}T00:00:00Z`);
  if (precision === "year") return String(value.getUTCFullYear());
  return precision === "month" ? MONTH.format(value) : formatDay(value);
}

export function formatDateRange(start: string | null, end: string | null, precision: DatePrecision | null): string {
  if (!start) return "Date unknown";
  const from = formatPartialDate(start, precision);
  return end && end !== start ? `${from} – ${formatPartialDate(end, precision)}` : from;
}
