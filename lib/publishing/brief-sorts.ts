import type { SortColumns, SortDirection } from "@/lib/lists/list-view";

/** The orders of a team's published briefs: by when each was last published (newest first by default) or by title. */
export type BriefSort = "published" | "title";
export const BRIEF_SORTS: SortColumns<BriefSort> = { published: { label: "Published", first: "desc" }, title: { label: "Title", first: "asc" } };

/** An order as the address spells it: the defaults (newest first) left out, so the plain address is the usual view. */
export function briefOrderParams(sort: BriefSort, direction: SortDirection): Record<string, string | null> {
  return { sort: sort === "published" ? null : sort, dir: direction === BRIEF_SORTS[sort].first ? null : direction };
}
