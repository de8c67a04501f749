import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import { editions, memberships, notes, notifications, teams, users, type NotificationKind } from "@/db/schema";
import { roleHas } from "@/lib/policies/grants";
import { KIND_SPECS, type NotificationFacts } from "./kinds";

const actor = alias(users, "actor");

/** One notification as its e-mail tells it, to a recipient who may read it now. */
export interface MailableNotification {
  id: string;
  kind: NotificationKind;
  userId: string;
  email: string;
  userName: string;
  teamId: string;
  excerpt: string;
  facts: NotificationFacts;
}

/**
 * The notifications with what their messages say, keeping only those whose
 * recipient may read them now: the same rule as the inbox (a draft's
 * notification only to someone who still reads that team's drafts), by the
 * kind's grant. Oldest first.
 */
export async function mailableNotifications(executor: Executor, ids: string[]): Promise<MailableNotification[]> {
  if (!ids.length) return [];
  const rows = await executor
    .select({
      id: notifications.id,
      kind: notifications.kind,
      userId: notifications.userId,
      teamId: notifications.teamId,
      noteId: notifications.noteId,
      excerpt: notifications.excerpt,
      decision: notifications.decision,
      email: users.email,
      userName: users.name,
      role: memberships.role,
      actorName: actor.name,
      noteTitle: notes.title,
      // The title readers know the edition by, never the draft's; none once it is withdrawn.
      editionTitle: editions.title,
      editionNumber: editions.number,
      teamName: teams.name,
      teamSlug: teams.slug,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(teams, eq(teams.id, notifications.teamId))
    .leftJoin(memberships, and(eq(memberships.teamId, notifications.teamId), eq(memberships.userId, notifications.userId)))
    .leftJoin(notes, eq(notes.id, notifications.noteId))
    .leftJoin(editions, and(eq(editions.id, notifications.editionId), isNull(editions.withdrawnAt)))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(inArray(notifications.id, ids))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));

  return rows.flatMap((row) => {
    const spec = KIND_SPECS[row.kind];
    const title = spec.title === "note" ? row.noteTitle : spec.title === "edition" ? row.editionTitle : row.teamName;
    if (!row.role || !roleHas(row.role, spec.grant) || title === null) return [];
    return [
      {
        id: row.id,
        kind: row.kind,
        userId: row.userId,
        email: row.email,
        userName: row.userName,
        teamId: row.teamId,
        excerpt: row.excerpt,
        facts: { actorName: row.actorName ?? "Someone", title, teamName: row.teamName, teamSlug: row.teamSlug, noteId: row.noteId, editionNumber: row.editionNumber, decision: row.decision },
      },
    ];
  });
}
