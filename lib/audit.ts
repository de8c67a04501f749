import "server-only";
import { db, type Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditAction =
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "note.created"
  | "note.deleted"
  | "note.restored"
  | "note.published"
  | "note.unpublished"
  | "entity.merged"
  | "entity.deleted"
  | "user.signed_in"
  | "user.sign_in_failed";

export async function recordAudit(
  entry: { teamId?: string | null; userId?: string | null; action: AuditAction; target?: string; data?: Record<string, unknown> },
  tx: Executor = db(),
) {
  await tx.insert(auditLog).values(entry);
}
