import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** Marks around matched words in snippets: private-use characters, never HTML. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

export const MAX_QUERY_LENGTH = 500;

/**
 * A tsquery for what the user typed: websearch syntax ("quoted phrases",
 * -excluded, or). As they type (`asYouType`), the last word also counts as a
 * prefix; a submitted search matches whole words only, since a prefix can
 * expand to hundreds of terms (0.5 ms against 120 ms at 100,000 notes,
 * `npm run bench search`). Returns null when nothing searchable is left.
 */
export function textQuery(input: string, options: { config?: "english" | "simple"; asYouType?: boolean } = {}): SQL | null {
  const q = input.slice(0, MAX_QUERY_LENGTH).trim();
  if (!/[\p{L}\p{N}]/u.test(q)) return null;
  const cfg = sql.raw(`'${options.config ?? "english"}'`);
  const whole = sql`websearch_to_tsquery(${cfg}, ${q})`;
  if (!options.asYouType) return whole;
  const last = /([\p{L}\p{N}]+)$/u.exec(q)?.[1];
  const quoted = (q.match(/"/g) ?? []).length % 2 === 1;
  // Only a minus starting the last word excludes it: in "Al-Qa" the hyphenated name is still being typed.
  if (!last || quoted || /(^|\s)-\S*$/u.test(q)) return whole;
  const head = q.slice(0, q.length - last.length);
  // After "or" the word being typed is an alternative to what comes before, not one more word required.
  const or = /(^|\s)or\s+$/iu.exec(head);
  const rest = sql`websearch_to_tsquery(${cfg}, ${or ? head.slice(0, or.index) : head})`;
  return sql`(${whole} || (${rest} ${or ? sql`||` : sql`&&`} to_tsquery('simple', ${`${last.toLowerCase()}:*`})))`;
}

/** Options for ts_headline: a couple of short fragments with the matches marked. */
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MinWords=6, MaxWords=18, FragmentDelimiter=" … "`;

/** Stands in for "<" while ts_headline runs (private use, like the marks). */
const TAG_GUARD = "\uE002";

/**
 * A snippet of `text` with the matches marked. ts_headline replaces anything
 * its parser takes for an HTML tag ("<script>", "<b>") with a space, so the
 * snippet would not be the text as written: "<" is swapped out while it runs
 * and put back after. The result is plain text; escaping is the renderer's.
 */
export function headline(text: SQL | AnyColumn, query: SQL): SQL<string> {
  return sql<string>`replace(ts_headline('english', replace(${text}, '<', ${TAG_GUARD}), ${query}, ${HEADLINE_OPTIONS}), ${TAG_GUARD}, '<')`;
}
