import Link from "next/link";

/** The header's way to the inbox, with how many notifications are unread. */
export function InboxLink({ unread, current = false }: { unread: number; current?: boolean }) {
  return (
    <Link href="/inbox" className="inbox-link" aria-label={unread ? `Inbox, ${unread} unread` : "Inbox"} aria-current={current ? "page" : undefined}>
      Inbox{unread > 0 && <span className="count">{unread}</span>}
    </Link>
  );
}
