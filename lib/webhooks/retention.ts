import "server-only";
import { webhookDeliveries } from "@/db/schema";
import { forgetDoneRows } from "@/lib/queue-retention";

/** How long a delivery done with (delivered or given up) stays in its webhook's log. */
export const KEEP_WEBHOOK_DELIVERIES_DAYS = 30;

/** Deletes deliveries delivered or given up more than `days` ago; pending ones are never touched. Returns how many went. */
export const forgetOldWebhookDeliveries = (days = KEEP_WEBHOOK_DELIVERIES_DAYS): Promise<number> =>
  forgetDoneRows(webhookDeliveries, webhookDeliveries.id, [webhookDeliveries.deliveredAt, webhookDeliveries.abandonedAt], days);
