import Link from "next/link";
import { LinkPending } from "./LinkPending";
import { listHref, pagerOf, type ListView, type SearchParams } from "@/lib/lists/list-view";

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
  const pager = pagerOf(noun, total, view);
  if (!pager) return null;
  const to = (page: number) => listHref(path, params, { page: page === 1 ? null : page });
  return (
    <nav className="pager row" aria-label={`Pages of ${noun}`}>
      <span role="status">{pager.status}</span>
      {pager.previous !== null && (
        <Link href={to(pager.previous)} rel="prev">
          Previous page
          <LinkPending />
        </Link>
      )}
      {pager.next !== null && (
        <Link href={to(pager.next)} rel="next">
          Next page
          <LinkPending />
        </Link>
      )}
    </nav>
  );
}
