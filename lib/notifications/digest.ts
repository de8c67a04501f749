import "server-only";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import { enqueueMail } from "@/lib/mail/outbox";
import { mailableNotifications, type MailableNotification } from "./mail-facts";
import { digestMessage } from "./mail-messages";
import { deliveriesOf } from "./preferences";

/** The items by team, each team's in their order. */
function byTeam(items: MailableNotification[]): MailableNotification[][] {
  const teams = new Map<string, MailableNotification[]>();
  for (const item of items) teams.set(item.teamId, [...(teams.get(item.teamId) ?? []), item]);
  return [...teams.values()];
}

/**
 * One user's digest, in one transaction: claim every notification of theirs
 * that is due (the update takes them, so a process running the same digest
 * at the same moment waits and then finds none), keep those they still want
 * by e-mail and may still read, queue one message per team listing them and
 * mark them mailed. One message per team, because each is withdrawn if its
 * reader loses that team's grants before it goes: leaving one team must not
 * take the others' news with it. A failure rolls the claim back, so the next
 * round tries again. Returns how many messages were queued.
 */
async function sendDigest(userId: string, now: Date): Promise<number> {
  return db().transaction(async (tx) => {
    const claimed = await tx
      .update(notifications)
      .set({ digestDueAt: null })
      .where(and(eq(notifications.userId, userId), lte(notifications.digestDueAt, now)))
      .returning({ id: notifications.id, kind: notifications.kind });
    if (!claimed.length) return 0;
    // Turned off since: dropped. Switched to instant since: still told, here.
    const deliveryOf = await deliveriesOf([userId], tx);
    const wanted = claimed.filter((row) => deliveryOf(userId, row.kind) !== "off").map((row) => row.id);
    const items = await mailableNotifications(tx, wanted);
    if (!items.length) return 0;
    const queued = await enqueueMail(tx, byTeam(items).map(digestMessage));
    await tx
      .update(notifications)
      .set({ mailedAt: sql`now()` })
      .where(inArray(notifications.id, items.map((item) => item.id)));
    return queued;
  });
}

/**
 * The digest job of the mail loop: sends every digest that is due, one
 * message per user and team. `now` is the moment judged (tests pass
 * tomorrow's). Returns how many digest messages were queued.
 */
export async function sendDueDigests({ now = new Date(), users = 50 }: { now?: Date; users?: number } = {}): Promise<number> {
  const due = await db()
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(lte(notifications.digestDueAt, now))
    .limit(users);
  let queued = 0;
  for (const { userId } of due) queued += await sendDigest(userId, now);
  return queued;
}
