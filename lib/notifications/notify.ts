import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { notifications } from "@/db/schema";
import { loadConfig } from "@/lib/config";
import { enqueueMail } from "@/lib/mail/outbox";
import { nextDigestAt } from "./digest-time";
import { mailableNotifications } from "./mail-facts";
import { notificationMessage } from "./mail-messages";
import { deliveriesOf } from "./preferences";

export type NewNotification = typeof notifications.$inferInsert;

/**
 * Writes notifications in the caller's transaction and, when Dossier sends
 * mail, what follows by e-mail from each recipient's choice for the kind:
 * "instant" queues its message now (sent by the mail loop once this
 * commits), "digest" marks it for the next daily digest, "off" nothing.
 */
export async function insertNotifications(tx: Executor, rows: NewNotification[]): Promise<void> {
  if (!rows.length) return;
  const mail = loadConfig().mail;
  if (!mail) {
    await tx.insert(notifications).values(rows);
    return;
  }
  const deliveryOf = await deliveriesOf(rows.map((row) => row.userId), tx);
  const digestDueAt = nextDigestAt(new Date(), mail.digestHour);
  const inserted = await tx
    .insert(notifications)
    .values(rows.map((row) => ({ ...row, digestDueAt: deliveryOf(row.userId, row.kind) === "digest" ? digestDueAt : null })))
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });

  const atOnce = inserted.filter((row) => deliveryOf(row.userId, row.kind) === "instant").map((row) => row.id);
  const mailable = await mailableNotifications(tx, atOnce);
  await enqueueMail(tx, mailable.map(notificationMessage));
  if (mailable.length) {
    await tx
      .update(notifications)
      .set({ mailedAt: sql`now()` })
      .where(inArray(notifications.id, mailable.map((item) => item.id)));
  }
}
