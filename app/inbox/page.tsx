import type { Metadata } from "next";
import Link from "next/link";
import { FollowingList } from "@/components/follows/FollowingList";
import { MarkReadOnView } from "@/components/MarkReadOnView";
import { RelativeTime } from "@/components/RelativeTime";
import { requireUser } from "@/lib/auth/session";
import { listFollowing } from "@/lib/follows/queries";
import { EDITION_NOTIFICATION_KINDS, TEAM_NOTIFICATION_KINDS } from "@/db/schema";
import { reviewDecisionWords } from "@/lib/notifications/kinds";
import { INBOX_SORTS, listNotifications, notificationCount, type InboxItem } from "@/lib/notifications/queries";
import { listHref, readListView, type SearchParams } from "@/lib/lists/list-view";
import { Pager } from "@/components/lists/Pager";

export const metadata: Metadata = { title: "Inbox" };

const WHAT: Record<InboxItem["kind"], string> = {
  mentioned: "mentioned you in",
  replied: "replied in a thread on",
  review_requested: "asked for your review of",
  // Said with what was decided (reviewDecisionWords).
  review_decided: "reviewed",
  suggested: "suggested changes to",
  suggestion_decided: "decided on your suggestion to",
  edition_published: "published a new edition of",
  source_questioned: "put in question a source cited in",
  edition_source_questioned: "put in question a source cited in",
  webhook_disabled: "disabled a webhook of",
};

const isEditionKind = (kind: InboxItem["kind"]) => (EDITION_NOTIFICATION_KINDS as readonly string[]).includes(kind);
/** A notification about the team is Dossier's own doing, not a member's. */
const isTeamKind = (kind: InboxItem["kind"]) => (TEAM_NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** What it is about: its title, linked where it still leads. */
function Subject({ item }: { item: InboxItem }) {
  const title = item.title || "Untitled";
  const label = isEditionKind(item.kind) && item.editionNumber ? `${title} (edition ${item.editionNumber})` : title;
  return item.href ? <Link href={item.href}>{label}</Link> : <>a note</>;
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const query = await searchParams;
  const view = readListView(query, INBOX_SORTS, "when");
  const [items, total, following] = await Promise.all([listNotifications(user.id, view), notificationCount(user.id), listFollowing(user.id)]);
  const unread = items.filter((item) => !item.readAt).length;

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Inbox</h1>
        <div className="row">
          <Link href="/account/notifications">E-mail settings</Link>
          <Link href="/">Back to your notes</Link>
        </div>
      </div>
      <MarkReadOnView unread={unread} />
      {total > 1 && (
        <nav className="row filters-bar" aria-label="Order of the inbox">
          {(["desc", "asc"] as const).map((direction) => (
            <Link key={direction} href={listHref("/inbox", query, { dir: direction === "desc" ? null : direction, page: null })} aria-current={view.direction === direction ? "page" : undefined}>
              {direction === "desc" ? "Newest first" : "Oldest first"}
            </Link>
          ))}
        </nav>
      )}
      {total === 0 ? (
        <div className="card empty">
          Nothing yet. You will hear here when someone mentions you, replies to you, asks for your review, publishes a new edition of a brief, actor
          or event you follow, or puts in question a source your work cites.
        </div>
      ) : (
        <ul className="card inbox">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? "" : "unread"} data-testid="notification">
              <div>
                <strong>{isTeamKind(item.kind) ? "Dossier" : (item.actorName ?? "Someone")}</strong> {item.kind === "review_decided" ? reviewDecisionWords(item.decision) : WHAT[item.kind]} <Subject item={item} />
              </div>
              {item.excerpt && <p className="muted excerpt">{item.excerpt}</p>}
              <RelativeTime date={item.createdAt} />
            </li>
          ))}
        </ul>
      )}
      <Pager noun="notifications" total={total} view={view} path="/inbox" params={query} />
      <FollowingList items={following} />
    </main>
  );
}
