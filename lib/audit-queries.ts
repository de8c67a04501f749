import "server-only";
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, memberships, users } from "@/db/schema";

/** A team's audit log, newest first, for its owners: the team's own entries and its members' sign-ins. */
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
          eq(auditLog.action, "user.signed_in"),
          inArray(auditLog.userId, db().select({ id: memberships.userId }).from(memberships).where(eq(memberships.teamId, teamId))),
        ),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
