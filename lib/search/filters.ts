import { z } from "zod";
import { NOTE_KINDS, NOTE_STATUSES } from "@/db/schema";
import { parsePartialDate } from "@/lib/entities/dates";
import { byKind, entityKind, type EntityKind } from "@/lib/entity-kinds";
import { RELIABILITY_GRADES, type Reliability } from "@/lib/source-grading";
import { MAX_QUERY_LENGTH } from "./query";

export interface SearchFilters {
  q: string;
  /** Entities the notes must all mention, by kind (the URL names them ?actor=…&event=…). */
  mentions: Record<EntityKind, string[]>;
  tag?: string;
  status?: (typeof NOTE_STATUSES)[number];
  kind?: (typeof NOTE_KINDS)[number];
  author?: string;
  /** Last edit, inclusive ISO dates. */
  editedFrom?: string;
  editedTo?: string;
  /** Dates of the dated entities (events) mentioned; ?eventsFrom=…&eventsTo=… in the URL. */
  datedFrom?: string;
  datedTo?: string;
  /** Cites this source of the team's register. */
  source?: string;
  /** Cites a source graded this or lower (down to F, which cannot be judged). */
  reliability?: Reliability;
  /** Cites a retracted source, or one in question (retracted or downgraded); ?cites=… in the URL. */
  cites?: SourceState;
}

export const SOURCE_STATES = ["retracted", "questioned"] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

type Params = Record<string, string | string[] | undefined>;

const uuid = z.uuid();
const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);
const first = (value: string | string[] | undefined) => list(value)[0]?.trim() || undefined;
const date = (value: string | string[] | undefined) => {
  const text = first(value);
  return text ? parsePartialDate(text)?.date : undefined;
};
/** The last day of the period entered: "to 2006" is to the end of 2006, not its first day. */
const dateTo = (value: string | string[] | undefined) => {
  const text = first(value);
  const parsed = text ? parsePartialDate(text) : null;
  if (!parsed) return undefined;
  const end = new Date(`${parsed.date}T00:00:00Z`);
  if (parsed.precision === "month") end.setUTCMonth(end.getUTCMonth() + 1, 0);
  if (parsed.precision === "year") end.setUTCMonth(11, 31);
  return end.toISOString().slice(0, 10);
};

/**
 * Search filters from the URL, so a search can be bookmarked and shared.
 * Anything that does not parse is dropped, never sent to the database.
 */
export function parseSearchFilters(params: Params): SearchFilters {
  const pick = <T extends string>(values: readonly T[], value: string | undefined) => values.find((v) => v === value);
  return {
    q: (first(params.q) ?? "").slice(0, MAX_QUERY_LENGTH),
    mentions: byKind((kind) =>
      list(params[kind])
        .filter((id) => uuid.safeParse(id).success)
        .slice(0, entityKind(kind).searchFilters),
    ),
    tag: first(params.tag)?.slice(0, 60),
    status: pick(NOTE_STATUSES, first(params.status)),
    kind: pick(NOTE_KINDS, first(params.kind)),
    author: [first(params.author)].find((id) => id && uuid.safeParse(id).success),
    editedFrom: date(params.editedFrom),
    editedTo: dateTo(params.editedTo),
    datedFrom: date(params.eventsFrom),
    datedTo: dateTo(params.eventsTo),
    source: [first(params.source)].find((id) => id && uuid.safeParse(id).success)?.toLowerCase(),
    reliability: pick(RELIABILITY_GRADES, first(params.reliability)?.toUpperCase()),
    cites: pick(SOURCE_STATES, first(params.cites)),
  };
}

/** Every entity the notes must mention, of whatever kind. */
export const mentionedIds = (f: SearchFilters) => Object.values(f.mentions).flat();

export const hasFilters = (f: SearchFilters) =>
  mentionedIds(f).length > 0 ||
  Boolean(f.tag || f.status || f.kind || f.author || f.editedFrom || f.editedTo || f.datedFrom || f.datedTo || f.source || f.reliability || f.cites);

/**
 * The source filter against the sources the searcher may name: one not in
 * the team's register (another team's, or none) is dropped, with a sentence
 * saying so, rather than finding nothing without a word.
 */
export function withKnownSource(f: SearchFilters, known: { id: string }[]): { filters: SearchFilters; ignored: string | null } {
  if (!f.source || known.some((source) => source.id === f.source)) return { filters: f, ignored: null };
  return { filters: { ...f, source: undefined }, ignored: "That source is not in this team's register, so the search ignores it." };
}
