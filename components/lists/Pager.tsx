import Link from "next/link";
import { LinkPending } from "./LinkPending";
import { listHref, pageCount, type ListView, type SearchParams } from "@/lib/lists/list-view";

interface Props {
  /** What the list holds, for "Showing 51–100 of 312 notes". */
  noun: string;
  total: number;
  view: ListView<string>;
  path: string;
  params: SearchParams;
}

/** Where a list is in its pages, with the way to the pages before and after; nothing when it fits on one. */
export function Pager({ noun, total, view, path, params }: Props) {
  const pages = pageCount(total, view.limit);
  if (pages <= 1 && view.page === 1) return null;
  const beyond = view.offset >= total;
  const last = Math.min(view.offset + view.limit, total);
  const to = (page: number) => listHref(path, params, { page: page === 1 ? null : page });
  return (
    <nav className="pager row" aria-label={`Pages of ${noun}`}>
      <span role="status">
        {beyond ? `Nothing on page ${view.page}; there ${pages === 1 ? "is 1 page" : `are ${pages} pages`}.` : `Showing ${view.offset + 1}–${last} of ${total} ${noun}`}
      </span>
      {view.page > 1 && (
        <Link href={to(Math.min(view.page - 1, pages))} rel="prev">
          Previous page
          <LinkPending />
        </Link>
      )}
      {view.page < pages && (
        <Link href={to(view.page + 1)} rel="next">
          Next page
          <LinkPending />
        </Link>
      )}
    </nav>
  );
}
