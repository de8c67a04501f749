import "server-only";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { memberships, webhookDeliveries, webhooks, type WebhookDelivery } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { rolesWith } from "@/lib/policies/grants";

/** Why a webhook sends nothing: an owner paused it, or Dossier disabled it after it kept failing. */
export const DISABLED_REASONS = { paused: "paused", failing: "failing" } as const;

/**
 * Gives a delivery up after its last attempt and counts it against its
 * webhook, in one command: the K-th given up in a row disables the webhook,
 * records it, and tells the team's owners in their inbox (and by e-mail as
 * they chose). Returns whether it was given up here (not by another process).
 */
export async function disableFailingWebhook(
  delivery: Pick<WebhookDelivery, "id" | "webhookId" | "teamId">,
  stillClaimed: SQL | undefined,
  outcome: { status: number | null; error: string },
  disableAfter: number,
): Promise<boolean> {
  return runCommand(async ({ tx, audit, notify }) => {
    const given = await tx
      .update(webhookDeliveries)
      .set({ abandonedAt: sql`now()`, lastStatus: outcome.status, lastError: outcome.error })
      .where(stillClaimed)
      .returning({ id: webhookDeliveries.id });
    if (!given.length) return false;
    const [hook] = await tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
      .where(eq(webhooks.id, delivery.webhookId))
      .returning({ failures: webhooks.consecutiveFailures, disabledAt: webhooks.disabledAt, url: webhooks.url });
    if (!hook || hook.failures < disableAfter || hook.disabledAt) return true;

    const disabled = await tx
      .update(webhooks)
      .set({ disabledAt: sql`now()`, disabledReason: DISABLED_REASONS.failing, updatedAt: sql`now()` })
      .where(and(eq(webhooks.id, delivery.webhookId), isNull(webhooks.disabledAt)))
      .returning({ id: webhooks.id });
    if (!disabled.length) return true;
    await audit({ teamId: delivery.teamId, action: "webhook.disabled", target: delivery.webhookId, data: { url: hook.url, failures: hook.failures } });
    const owners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, delivery.teamId), inArray(memberships.role, rolesWith("manageTeam"))));
    await notify(owners.map(({ userId }) => ({ userId, teamId: delivery.teamId, kind: "webhook_disabled" as const, excerpt: hook.url.slice(0, 200) })));
    return true;
  });
}
