import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { recordAudit } from "@/lib/audit";

/** Failed sign-ins allowed per account in the window before sign-in is refused. */
export const SIGN_IN_LIMIT = { attempts: 10, windowMs: 15 * 60_000 };

/**
 * Failed sign-ins are kept in the audit log, which every process shares, so
 * the limit holds however many processes serve the app.
 */
export async function signInBlocked(email: string): Promise<boolean> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "user.sign_in_failed"),
        eq(auditLog.target, email),
        gt(auditLog.createdAt, new Date(Date.now() - SIGN_IN_LIMIT.windowMs)),
      ),
    );
  return row.n >= SIGN_IN_LIMIT.attempts;
}

export function recordFailedSignIn(email: string) {
  return recordAudit({ action: "user.sign_in_failed", target: email });
}
