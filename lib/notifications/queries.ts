import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { DRAFT_NOTIFICATION_KINDS, EDITION_NOTIFICATION_KINDS, editions, TEAM_NOTIFICATION_KINDS, memberships, notes, notifications, teams, users } from "@/db/schema";
import { rolesWith } from "@/lib/policies/grants";
import { notificationLink } from "./links";
import type { ListView, SortColumns } from "@/lib/lists/list-view";

const actor = alias(users, "actor");

/** The recipient's membership of the notification's team: one who left it sees nothing of it. */
const memberThere = and(eq(memberships.teamId, notifications.teamId), eq(memberships.userId, notifications.userId));

/**
 * What the recipient may still see, as the policies would answer now: a
 * notification about a draft (a comment, a review) only where they still
 * read drafts, so one who became a reader sees neither the draft's title nor
 * the comment; an edition's (a new one, a source it cites put in question)
 * while they may still read it (not withdrawn; a
 * team edition to those who read the team's briefs, a public one to any
 * member), readers included; one about the team (a webhook disabled) while
 * they still manage it. Needs `memberThere` and the edition joined.
 */
export const stillVisible = or(
  and(inArray(notifications.kind, [...DRAFT_NOTIFICATION_KINDS]), inArray(memberships.role, rolesWith("readDrafts"))),
  and(
    inArray(notifications.kind, [...EDITION_NOTIFICATION_KINDS]),
    isNull(editions.withdrawnAt),
    or(eq(editions.visibility, "public"), inArray(memberships.role, rolesWith("readBriefs"))),
  ),
  and(inArray(notifications.kind, [...TEAM_NOTIFICATION_KINDS]), inArray(memberships.role, rolesWith("manageTeam"))),
);

/** The user's notifications that they may still see, newest first, each with the title it is about and where it leads. */
export type InboxSort = "when";
export const INBOX_SORTS: SortColumns<InboxSort> = { when: { label: "When", first: "desc" } };

/** The user's inbox, newest first (or oldest, as asked), a page at a time. */
export async function listNotifications(userId: string, view: Pick<ListView<InboxSort>, "direction" | "limit" | "offset"> = { direction: "desc", limit: 100, offset: 0 }) {
  const direction = view.direction === "asc" ? asc : desc;
  const rows = await db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      excerpt: notifications.excerpt,
      decision: notifications.decision,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: actor.name,
      noteId: notifications.noteId,
      threadId: notifications.threadId,
      // An edition is shown by its own title: the draft's may have changed since, and readers never see it.
      title: sql<string | null>`case when ${inArray(notifications.kind, [...EDITION_NOTIFICATION_KINDS])} then ${editions.title} when ${inArray(notifications.kind, [...TEAM_NOTIFICATION_KINDS])} then ${teams.name} else ${notes.title} end`,
      editionNumber: editions.number,
      teamSlug: teams.slug,
    })
    .from(notifications)
    .innerJoin(memberships, memberThere)
    .innerJoin(teams, eq(teams.id, notifications.teamId))
    .leftJoin(editions, eq(editions.id, notifications.editionId))
    .leftJoin(notes, eq(notes.id, notifications.noteId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), stillVisible))
    .orderBy(direction(notifications.createdAt), direction(notifications.id))
    .limit(view.limit)
    .offset(view.offset);
  return rows.map((row) => ({ ...row, href: notificationLink(row) }));
}

/** How many notifications the inbox holds: in all, or those still unread (the header's count). */
export async function notificationCount(userId: string, which: "all" | "unread" = "all"): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .innerJoin(memberships, memberThere)
    .leftJoin(editions, eq(editions.id, notifications.editionId))
    .where(and(eq(notifications.userId, userId), which === "unread" ? isNull(notifications.readAt) : undefined, stillVisible));
  return row.n;
}

export type InboxItem = Awaited<ReturnType<typeof listNotifications>>[number];

export const unreadCount = (userId: string) => notificationCount(userId, "unread");

export async function markAllRead(userId: string) {
  await db().update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
