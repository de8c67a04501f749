import "server-only";
import { and, eq, getTableColumns, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { mailOutbox, memberships, type OutboxMail } from "@/db/schema";
import { roleHas, type Grant } from "@/lib/policies/grants";

/** Hands one message to the mail server; resolves once the server has taken it. */
export type SendMail = (mail: OutboxMail) => Promise<void>;

export interface DeliveryOptions {
  /** How many messages one round claims. */
  batch?: number;
  /** How long a claimed message is kept from other processes while it is sent. */
  leaseMs?: number;
  /** How long to wait after the attempt-th failure before trying again. */
  retryDelayMs?: (attempt: number) => number;
  /** Attempts after which a message is given up (abandoned, kept with its error). */
  maxAttempts?: number;
  /** How many messages of a round are being sent at once. */
  sendingAtOnce?: number;
}

/** 30 s, 1 min, 2 min… up to an hour: some forty attempts over a day and a half. */
export const defaultRetryDelay = (attempt: number) => Math.min(3600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
const ms = (n: number) => sql`(${sql.raw(String(Math.max(0, Math.round(n))))} * interval '1 millisecond')`;

/** A claimed message and its claim: next_attempt_at as this round set it, as text so no precision is lost on the way. */
type Claimed = OutboxMail & { claim: string };

/**
 * Claims the messages that are due, in one statement that skips rows another
 * process holds, and pushes each ahead by the lease: a process that dies
 * mid-send leaves its messages to be tried again when the lease runs out,
 * never lost.
 */
async function claimDue(batch: number, leaseMs: number): Promise<Claimed[]> {
  const due = db()
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(isNull(mailOutbox.sentAt), isNull(mailOutbox.abandonedAt), lte(mailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(batch)
    .for("update", { skipLocked: true });
  return db()
    .update(mailOutbox)
    .set({ nextAttemptAt: sql`now() + ${ms(leaseMs)}`, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(inArray(mailOutbox.id, due))
    .returning({ ...getTableColumns(mailOutbox), claim: sql<string>`${mailOutbox.nextAttemptAt}::text` });
}

/**
 * Renews one message's claim just before it is sent, if it is still this
 * round's: a round slowed past the lease (a stalled mail server) may find
 * that another process claimed the message since, or sent it. Then it is left
 * to that process, so it is not sent twice.
 */
async function renewClaim(mail: Claimed, leaseMs: number): Promise<boolean> {
  const renewed = await db()
    .update(mailOutbox)
    .set({ nextAttemptAt: sql`now() + ${ms(leaseMs)}` })
    .where(
      and(
        eq(mailOutbox.id, mail.id),
        sql`${mailOutbox.nextAttemptAt} = ${mail.claim}::timestamptz`,
        isNull(mailOutbox.sentAt),
        isNull(mailOutbox.abandonedAt),
      ),
    )
    .returning({ id: mailOutbox.id });
  return renewed.length > 0;
}

/** Once a message is done with (sent, given up, withdrawn), its words, links and all, are not kept: the subject, kind and recipient stay for the record. */
const forgetWords = { text: "", html: "" };

/** Why a message was not sent: kept on the row for the operator. */
export const WITHDRAWN = "Withdrawn: its recipient may no longer read what it tells.";

/**
 * Whether the recipient still holds every grant the message requires, read
 * now: a message quoting a draft goes only to someone who still reads that
 * team's drafts, however long it waited. One that requires grants but names
 * no user cannot be checked, so it is not sent.
 */
async function recipientStillEntitled(mail: OutboxMail): Promise<boolean> {
  if (!mail.requires?.length) return true;
  if (!mail.userId) return false;
  const roles = await db()
    .select({ teamId: memberships.teamId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, mail.userId), inArray(memberships.teamId, mail.requires.map((r) => r.teamId))));
  // A grant no role knows is held by nobody.
  return mail.requires.every((required) => roles.some((row) => row.teamId === required.teamId && roleHas(row.role, required.grant as Grant)));
}

/**
 * Sends what is due, once. A message the server takes is marked sent; one it
 * refuses, or that cannot reach it, waits its retry delay and is tried again,
 * until maxAttempts. A message whose recipient lost what it requires is
 * withdrawn (kept, never sent). One whose claim another process took over is
 * skipped. Returns how many were sent, failed and were
 * withdrawn this round.
 */
export async function deliverDueMail(send: SendMail, options: DeliveryOptions = {}): Promise<{ sent: number; failed: number; withdrawn: number }> {
  const { batch = 20, leaseMs = 120_000, retryDelayMs = defaultRetryDelay, maxAttempts = 40, sendingAtOnce = 4 } = options;
  const claimed = await claimDue(batch, leaseMs);
  const counts = { sent: 0, failed: 0, withdrawn: 0 };

  /** One message: sent, withdrawn (its reader lost what it needs), failed (tried again later), or left to the process that holds it now. */
  async function deliverOne(mail: Claimed): Promise<void> {
    try {
      if (!(await renewClaim(mail, leaseMs))) return;
      if (!(await recipientStillEntitled(mail))) {
        await db().update(mailOutbox).set({ abandonedAt: sql`now()`, lastError: WITHDRAWN, ...forgetWords }).where(eq(mailOutbox.id, mail.id));
        counts.withdrawn++;
        return;
      }
      await send(mail);
      await db().update(mailOutbox).set({ sentAt: sql`now()`, lastError: null, ...forgetWords }).where(eq(mailOutbox.id, mail.id));
      counts.sent++;
    } catch (error) {
      counts.failed++;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const givingUp = mail.attempts >= maxAttempts;
      await db()
        .update(mailOutbox)
        .set(givingUp ? { lastError, abandonedAt: sql`now()`, ...forgetWords } : { lastError, nextAttemptAt: sql`now() + ${ms(retryDelayMs(mail.attempts))}` })
        .where(eq(mailOutbox.id, mail.id));
      if (givingUp) console.error(`[mail] gave up on ${mail.kind} message ${mail.id} to ${mail.recipient} after ${mail.attempts} attempts: ${lastError}`);
    }
  }

  // A few messages in flight at once, over the transport's pooled connections: an SMTP conversation is mostly waiting.
  let next = 0;
  const sender = async () => {
    while (next < claimed.length) await deliverOne(claimed[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(sendingAtOnce, claimed.length) }, sender));
  return counts;
}
