import "server-only";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, memberships, users } from "@/db/schema";

/** What members do to their own accounts that their teams' owners see: signing in, linking single sign-on, their passwords and sessions. */
const MEMBER_ACCOUNT_ACTIONS = ["user.signed_in", "user.identity_linked", "user.password_removed", "user.password_changed", "user.password_reset", "user.sessions_ended"] as const;

/** A team's audit log, newest first, for its owners: the team's own entries and its members' sign-ins, linked identities, password changes and resets. */
export async function teamAuditLog(teamId: string, limit = 500) {
  return db()
    .select({ id: auditLog.id, action: auditLog.action, target: auditLog.target, data: auditLog.data, createdAt: auditLog.createdAt, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      or(
        eq(auditLog.teamId, teamId),
        and(
          isNull(auditLog.teamId),
          inArray(auditLog.action, [...MEMBER_ACCOUNT_ACTIONS]),
          inArray(auditLog.userId, db().select({ id: memberships.userId }).from(memberships).where(eq(memberships.teamId, teamId))),
        ),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
