/**
 * How a list page is shown: the column it is sorted by, which way, and which
 * page of it, read from the address (?sort=title&dir=asc&page=2) so a view
 * can be linked, reloaded and walked by the browser's Back. Anything the
 * address holds that the list does not offer falls back to its default.
 */
export const LIST_PAGE_SIZE = 50;
/** No list is walked this far by hand; an address asking for more is taken as the last page there is. */
const MAX_PAGE = 10_000;

export type SortDirection = "asc" | "desc";

/** A list's sortable columns, each with the direction it is first sorted in when chosen. */
export type SortColumns<K extends string> = Record<K, { label: string; first: SortDirection }>;

export interface ListView<K extends string> {
  sort: K;
  direction: SortDirection;
  /** From 1. */
  page: number;
  offset: number;
  limit: number;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function readListView<K extends string>(params: SearchParams, columns: SortColumns<K>, initial: K, limit = LIST_PAGE_SIZE): ListView<K> {
  const asked = single(params.sort);
  const sort = asked !== undefined && Object.hasOwn(columns, asked) ? (asked as K) : initial;
  const dir = single(params.dir);
  const direction = dir === "asc" || dir === "desc" ? dir : columns[sort].first;
  const number = Number(single(params.page));
  const page = Number.isInteger(number) && number >= 1 ? Math.min(number, MAX_PAGE) : 1;
  return { sort, direction, page, offset: (page - 1) * limit, limit };
}

/** The page count of a list of `total` rows, at least 1 (an empty list has its one, empty, page). */
export const pageCount = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));

/**
 * The address of the list with some of its parameters changed (a value of
 * null drops one), the others kept: a filter stays on while sorting, and a
 * new sort starts again at page 1 (the caller says so by dropping `page`).
 */
export function listHref(path: string, params: SearchParams, changes: Record<string, string | number | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = single(value);
    if (first !== undefined && !(key in changes)) query.set(key, first);
  }
  for (const [key, value] of Object.entries(changes)) if (value !== null) query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export interface PagerState {
  /** "Showing 51–100 of 312 notes", or what is true past the last page. */
  status: string;
  /** The pages a Previous and a Next link go to, when there are such pages. */
  previous: number | null;
  next: number | null;
}

/** What a list's pager says and links to; null when the list fits on its first page. */
export function pagerOf(noun: string, total: number, view: ListView<string>): PagerState | null {
  const pages = pageCount(total, view.limit);
  if (pages <= 1 && view.page === 1) return null;
  const status =
    view.offset >= total
      ? `Nothing on page ${view.page}; there ${pages === 1 ? "is 1 page" : `are ${pages} pages`}.`
      : `Showing ${view.offset + 1}–${Math.min(view.offset + view.limit, total)} of ${total} ${noun}`;
  return { status, previous: view.page > 1 ? Math.min(view.page - 1, pages) : null, next: view.page < pages ? view.page + 1 : null };
}
