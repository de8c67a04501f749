"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a list's link (a heading that sorts, a page): a small spinner while
 * the page it leads to is on its way, so a slow answer is seen to be coming.
 * The page is not streamed for it, so a page that is not found is still a 404.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return <span className={pending ? "link-pending" : "link-pending idle"} aria-hidden="true" />;
}
