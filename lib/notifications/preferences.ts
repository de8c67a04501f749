import "server-only";
import { inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { NOTIFICATION_KINDS, notificationPreferences, type Delivery, type NotificationKind } from "@/db/schema";
import { KIND_SPECS } from "./kinds";

export type DeliveryChoices = Record<NotificationKind, Delivery>;

/** Each user's delivery of each kind: their choice, or the kind's default. */
export async function deliveriesOf(userIds: string[], executor: Executor = db()): Promise<(userId: string, kind: NotificationKind) => Delivery> {
  const rows = userIds.length
    ? await executor.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, [...new Set(userIds)]))
    : [];
  const chosen = new Map(rows.map((row) => [`${row.userId} ${row.kind}`, row.delivery]));
  return (userId, kind) => chosen.get(`${userId} ${kind}`) ?? KIND_SPECS[kind].byDefault;
}

/** One user's delivery of every kind, for the settings page and the unsubscribe page. */
export async function deliveryChoices(userId: string, executor: Executor = db()): Promise<DeliveryChoices> {
  const deliveryOf = await deliveriesOf([userId], executor);
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, deliveryOf(userId, kind)])) as DeliveryChoices;
}

/** Records a user's choices (only the kinds given; the others keep theirs). */
export async function setDeliveries(userId: string, choices: Partial<DeliveryChoices>, executor: Executor = db()): Promise<void> {
  const rows = NOTIFICATION_KINDS.flatMap((kind) => (choices[kind] ? [{ userId, kind, delivery: choices[kind] }] : []));
  if (!rows.length) return;
  await executor
    .insert(notificationPreferences)
    .values(rows)
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
    });
}
