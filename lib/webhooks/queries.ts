import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { webhookDeliveries, webhooks, type WebhookDelivery } from "@/db/schema";

/** Where a delivery stands, as its log shows it. */
export type DeliveryState = "delivered" | "retrying" | "waiting" | "given up";

export function deliveryState(delivery: Pick<WebhookDelivery, "deliveredAt" | "abandonedAt" | "attempts" | "lastError">): DeliveryState {
  if (delivery.deliveredAt) return "delivered";
  if (delivery.abandonedAt) return "given up";
  return delivery.attempts > 0 && delivery.lastError ? "retrying" : "waiting";
}

/** How many of a webhook's latest deliveries its page shows. */
export const LOG_LENGTH = 25;

/**
 * The team's webhooks, oldest first, each with its latest deliveries (the
 * delivery log, newest first). The sealed secret is not read.
 */
export async function teamWebhooks(teamId: string) {
  const hooks = await db()
    .select({
      id: webhooks.id,
      url: webhooks.url,
      events: webhooks.events,
      description: webhooks.description,
      consecutiveFailures: webhooks.consecutiveFailures,
      disabledAt: webhooks.disabledAt,
      disabledReason: webhooks.disabledReason,
      createdAt: webhooks.createdAt,
    })
    .from(webhooks)
    .where(eq(webhooks.teamId, teamId))
    .orderBy(webhooks.createdAt);
  if (!hooks.length) return [];
  const ranked = db()
    .select({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      event: webhookDeliveries.event,
      attempts: webhookDeliveries.attempts,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      abandonedAt: webhookDeliveries.abandonedAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
      rank: sql<number>`row_number() over (partition by ${webhookDeliveries.webhookId} order by ${webhookDeliveries.createdAt} desc)`.as("rank"),
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.teamId, teamId), inArray(webhookDeliveries.webhookId, hooks.map((hook) => hook.id))))
    .as("ranked");
  const log = await db().select().from(ranked).where(sql`${ranked.rank} <= ${LOG_LENGTH}`).orderBy(desc(ranked.createdAt));
  return hooks.map((hook) => ({
    ...hook,
    deliveries: log.filter((row) => row.webhookId === hook.id).map(({ rank: _rank, ...row }) => ({ ...row, state: deliveryState(row) })),
  }));
}

export type TeamWebhook = Awaited<ReturnType<typeof teamWebhooks>>[number];
