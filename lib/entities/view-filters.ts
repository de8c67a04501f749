import { z } from "zod";
import { parsePartialDate } from "./dates";
import { kindsPhrase, PARTICIPANT_KINDS } from "@/lib/entity-kinds";
import type { ViewFilters } from "./views";

const optionalText = z.string().trim().max(100).optional().catch(undefined);

/**
 * Filters from the URL (so a view can be bookmarked and shared). A value that
 * does not parse is dropped and reported, never passed on to a query.
 */
export function parseViewFilters(params: Record<string, string | string[] | undefined>): { filters: ViewFilters; problems: string[] } {
  const first = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
  };
  const problems: string[] = [];
  const filters: ViewFilters = {};
  // The parameter is "actor" in every shared link; it takes any participant.
  const participant = first("actor");
  if (participant) {
    if (z.uuid().safeParse(participant).success) filters.participantId = participant;
    else problems.push(`The ${kindsPhrase(PARTICIPANT_KINDS, "one", "or")} filter was not understood and is ignored.`);
  }
  filters.tag = optionalText.parse(first("tag"));
  for (const key of ["from", "to"] as const) {
    const text = first(key);
    if (!text) continue;
    const parsed = parsePartialDate(text);
    if (parsed) filters[key] = parsed.date;
    else problems.push(`“${text}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); that filter is ignored.`);
  }
  return { filters, problems };
}
