import { z } from "zod";
import { parsePartialDate } from "./dates";

/** What the map shows: events, places (actors that are countries or places), or both. */
export const MAP_SHOWS = ["all", "events", "places"] as const;
export type MapShow = (typeof MAP_SHOWS)[number];

export interface MapFilters {
  /** ISO dates, inclusive: an event is shown when it overlaps them. */
  from?: string;
  to?: string;
  /** As the user typed them ("2006", "2006-10"), for the form. */
  fromText?: string;
  toText?: string;
  show: MapShow;
  /** Whether events with no date are shown (listed as "undated"). */
  undated: boolean;
  /** An entity to centre the map on and open, from its page's "Show on the map". */
  focus?: string;
}

const DATE_PROBLEM = (text: string) => `“${text}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); that filter is ignored.`;

/** The last day of "2006" (2006-12-31), "2006-02" (2006-02-28) or a day itself. */
function lastDayOf(text: string): string | undefined {
  const parsed = parsePartialDate(text);
  if (!parsed) return undefined;
  if (parsed.precision === "day") return parsed.date;
  const end = new Date(`${parsed.date}T00:00:00Z`);
  if (parsed.precision === "year") end.setUTCFullYear(end.getUTCFullYear() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const param = <T extends z.ZodType>(schema: T) => z.preprocess(firstValue, schema);
const dateText = param(z.string().trim().max(40).optional().catch(undefined));

/** The map's URL parameters. A value that does not parse falls back to the default; a bad date is reported. */
const mapParams = z.object({
  from: dateText,
  to: dateText,
  show: param(z.enum(MAP_SHOWS).catch("all")),
  undated: param(z.enum(["show", "hide"]).catch("show")),
  focus: param(z.uuid().optional().catch(undefined)),
});

/** Filters from the URL, so a filtered map can be bookmarked and shared; what does not parse is dropped with a sentence. */
export function parseMapFilters(params: Record<string, string | string[] | undefined>): { filters: MapFilters; problems: string[] } {
  const raw = mapParams.parse(params);
  const problems: string[] = [];
  const filters: MapFilters = { show: raw.show, undated: raw.undated === "show", focus: raw.focus };
  if (raw.from) {
    const from = parsePartialDate(raw.from)?.date;
    if (from) Object.assign(filters, { from, fromText: raw.from });
    else problems.push(DATE_PROBLEM(raw.from));
  }
  if (raw.to) {
    const to = lastDayOf(raw.to);
    if (to) Object.assign(filters, { to, toText: raw.to });
    else problems.push(DATE_PROBLEM(raw.to));
  }
  return { filters, problems };
}

/** The team's map, with these parameters: "Show on the map" links here with `focus`. */
export function mapPath(team: string, params: { from?: string; to?: string; show?: MapShow; undated?: boolean; focus?: string } = {}): string {
  const query = new URLSearchParams();
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  if (params.show && params.show !== "all") query.set("show", params.show);
  if (params.undated === false) query.set("undated", "hide");
  if (params.focus) query.set("focus", params.focus);
  const search = query.toString();
  return `/t/${team}/map${search ? `?${search}` : ""}`;
}
