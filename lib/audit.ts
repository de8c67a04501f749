import "server-only";
import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditAction =
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "team.renamed"
  | "team.slug_changed"
  | "team.default_visibility_changed"
  | "team.citation_trigger_changed"
  | "team.likelihood_scale_changed"
  | "team.likelihood_wording_changed"
  | "team.default_marking_changed"
  | "team.ownership_transferred"
  | "member.added"
  | "team.created"
  | "note.created"
  | "note.deleted"
  | "note.restored"
  | "note.published"
  | "note.approved_with_suggestions"
  | "note.marking_changed"
  | "note.dateline_changed"
  | "note.unpublished"
  | "note.finding_set_aside"
  | "note.finding_restored"
  | "note.suggestions_decided"
  | "entity.merged"
  | "entity.imported"
  | "entity.deleted"
  | "source.created"
  | "source.updated"
  | "source.regraded"
  | "source.snapshot_attached"
  | "source.retracted"
  | "source.reinstated"
  | "template.created"
  | "template.deleted"
  | "collection.created"
  | "collection.deleted"
  | "webhook.created"
  | "webhook.paused"
  | "webhook.resumed"
  | "webhook.deleted"
  | "webhook.disabled"
  | "user.signed_in"
  | "user.identity_linked"
  | "user.sign_in_failed"
  | "user.renamed"
  | "user.password_changed"
  | "user.sessions_ended"
  | "user.password_reset_requested"
  | "user.password_reset_link_created"
  | "user.created"
  | "user.password_reset"
  | "user.password_removed"
  | "api_token.created"
  | "api_token.revoked";

export interface AuditEntry {
  teamId?: string | null;
  userId?: string | null;
  action: AuditAction;
  target?: string;
  data?: Record<string, unknown>;
}

/**
 * Writes one entry of the audit log. A change and its entry are written by a
 * command (lib/commands), in one transaction; only an entry with no change
 * to join (a failed sign-in) is written on its own.
 */
export async function insertAuditEntry(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
