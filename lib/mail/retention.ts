import "server-only";
import { lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";

/** How long a message done with (sent, given up, withdrawn) is kept for the record. */
export const KEEP_SENT_MAIL_DAYS = 30;

/**
 * Deletes the messages sent, given up or withdrawn more than `days` ago, in
 * one statement; mail still waiting is never touched. Returns how many went.
 */
export async function forgetOldMail(days = KEEP_SENT_MAIL_DAYS): Promise<number> {
  const before = sql`now() - ${sql.raw(String(Math.max(0, Math.round(days))))} * interval '1 day'`;
  const deleted = await db()
    .delete(mailOutbox)
    .where(or(lt(mailOutbox.sentAt, before), lt(mailOutbox.abandonedAt, before)))
    .returning({ id: mailOutbox.id });
  return deleted.length;
}
