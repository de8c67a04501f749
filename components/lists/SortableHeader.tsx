import Link from "next/link";
import { LinkPending } from "./LinkPending";
import { listHref, type ListView, type SearchParams, type SortColumns } from "@/lib/lists/list-view";

interface Props<K extends string> {
  column: K;
  columns: SortColumns<K>;
  view: ListView<K>;
  path: string;
  params: SearchParams;
}

/**
 * A column heading that sorts the list by its column: first in the column's
 * own direction (titles A to Z, dates newest first), then the other way.
 * The heading says how the list is sorted (aria-sort); a new sort starts at page 1.
 */
export function SortableHeader<K extends string>({ column, columns, view, path, params }: Props<K>) {
  const { label, first } = columns[column];
  const active = view.sort === column;
  const next = active ? (view.direction === "asc" ? "desc" : "asc") : first;
  return (
    <th aria-sort={active ? (view.direction === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="sort-link" href={listHref(path, params, { sort: column, dir: next, page: null })} scroll={false}>
        {label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (view.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <LinkPending />
      </Link>
    </th>
  );
}
