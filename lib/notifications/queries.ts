import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { memberships, notes, notifications, teams, users } from "@/db/schema";
import { rolesWith } from "@/lib/policies/grants";

const actor = alias(users, "actor");

/**
 * Every notification is about a draft (a comment, a review), so it is shown
 * only in teams where the user still reads drafts: one who became a reader
 * does not see the draft's title or the comment any more.
 */
const readsDraftsThere = and(
  eq(memberships.teamId, notifications.teamId),
  eq(memberships.userId, notifications.userId),
  inArray(memberships.role, rolesWith("readDrafts")),
);

/** The user's notifications, newest first, from teams they still belong to and read drafts in. */
export async function listNotifications(userId: string, limit = 100) {
  return db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      excerpt: notifications.excerpt,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actorName: actor.name,
      noteId: notes.id,
      noteTitle: notes.title,
      teamSlug: teams.slug,
    })
    .from(notifications)
    .innerJoin(memberships, readsDraftsThere)
    .innerJoin(teams, eq(teams.id, notifications.teamId))
    .leftJoin(notes, eq(notes.id, notifications.noteId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

export async function unreadCount(userId: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .innerJoin(memberships, readsDraftsThere)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row.n;
}

export async function markAllRead(userId: string) {
  await db().update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
