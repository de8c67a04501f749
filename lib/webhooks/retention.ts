import "server-only";
import { lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { webhookDeliveries } from "@/db/schema";

/** How long a delivery done with (delivered or given up) stays in its webhook's log. */
export const KEEP_WEBHOOK_DELIVERIES_DAYS = 30;

/** Deletes deliveries delivered or given up more than `days` ago, in one statement; pending ones are never touched. Returns how many went. */
export async function forgetOldWebhookDeliveries(days = KEEP_WEBHOOK_DELIVERIES_DAYS): Promise<number> {
  const before = sql`now() - ${sql.raw(String(Math.max(0, Math.round(days))))} * interval '1 day'`;
  const deleted = await db()
    .delete(webhookDeliveries)
    .where(or(lt(webhookDeliveries.deliveredAt, before), lt(webhookDeliveries.abandonedAt, before)))
    .returning({ id: webhookDeliveries.id });
  return deleted.length;
}
