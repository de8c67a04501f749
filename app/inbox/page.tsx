import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadOnView } from "@/components/MarkReadOnView";
import { RelativeTime } from "@/components/RelativeTime";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Inbox" };

const WHAT = {
  mentioned: "mentioned you in",
  review_requested: "asked for your review of",
  review_decided: "reviewed",
} as const;

export default async function InboxPage() {
  const user = await requireUser();
  const items = await listNotifications(user.id);
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
      {items.length === 0 ? (
        <div className="card empty">Nothing yet. You will hear here when someone mentions you or asks for your review.</div>
      ) : (
        <ul className="card inbox">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? "" : "unread"} data-testid="notification">
              <div>
                <strong>{item.actorName ?? "Someone"}</strong> {WHAT[item.kind]}{" "}
                {item.noteId ? <Link href={`/t/${item.teamSlug}/notes/${item.noteId}`}>{item.noteTitle || "Untitled"}</Link> : "a note"}
              </div>
              {item.excerpt && <p className="muted excerpt">{item.excerpt}</p>}
              <RelativeTime date={item.createdAt} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
