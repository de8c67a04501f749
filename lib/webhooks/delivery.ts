import "server-only";
import { and, type AnyColumn, eq, getTableColumns, inArray, isNull, lte, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { webhookDeliveries, webhooks, type WebhookDelivery } from "@/db/schema";
import { authSecret } from "@/lib/collab/collab-token";
import { loadConfig } from "@/lib/config";
import { disableFailingWebhook } from "./disable";
import { openSecret } from "./secret";
import { signatureHeader } from "./signature";
import { postWebhook, type PostOptions } from "./transport";

/** How long to wait after each failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h; then the delivery is given up. */
export const RETRY_SCHEDULE_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];
/** Deliveries given up in a row after which a webhook is disabled and its team's owners told. */
export const DISABLE_AFTER_FAILURES = 5;

export interface WebhookDeliveryOptions extends Omit<PostOptions, "timeoutMs"> {
  /** How many deliveries (of different webhooks) one round claims. */
  batch?: number;
  /** How long a claimed delivery is kept from other processes while it is sent: well above the timeout. */
  leaseMs?: number;
  /** The waits between attempts; a delivery is given up after its last (tests shrink it). */
  retryScheduleMs?: readonly number[];
  disableAfter?: number;
  timeoutMs?: number;
}

const ms = (n: number) => sql`(${sql.raw(String(Math.max(0, Math.round(n))))} * interval '1 millisecond')`;
const pending = (table: { deliveredAt: AnyColumn; abandonedAt: AnyColumn }) => and(isNull(table.deliveredAt), isNull(table.abandonedAt));

/** A claimed delivery and its claim: next_attempt_at as this round set it, as text so no precision is lost. */
type Claimed = WebhookDelivery & { claim: string };

/**
 * Claims what is due, skipping rows another process holds, and pushes each
 * ahead by the lease, so a process that dies mid-send leaves it to be tried
 * again. Only the oldest pending delivery of each webhook is ever due: a
 * later event waits while an earlier one of the same webhook is being sent or
 * waits its retry, so each receiver gets its events in the order they were
 * queued. Nothing of a paused or disabled webhook is claimed.
 */
async function claimDue(batch: number, leaseMs: number): Promise<Claimed[]> {
  const d = webhookDeliveries;
  const earlier = alias(webhookDeliveries, "earlier");
  const due = db()
    .select({ id: d.id })
    .from(d)
    .innerJoin(webhooks, eq(webhooks.id, d.webhookId))
    .where(
      and(
        pending(d),
        lte(d.nextAttemptAt, sql`now()`),
        isNull(webhooks.disabledAt),
        notExists(
          db()
            .select({ one: sql`1` })
            .from(earlier)
            .where(and(eq(earlier.webhookId, d.webhookId), pending(earlier), sql`(${earlier.createdAt}, ${earlier.id}) < (${d.createdAt}, ${d.id})`)),
        ),
      ),
    )
    .orderBy(d.nextAttemptAt)
    .limit(batch)
    .for("update", { of: d, skipLocked: true });
  return db()
    .update(d)
    .set({ nextAttemptAt: sql`now() + ${ms(leaseMs)}`, attempts: sql`${d.attempts} + 1` })
    .where(inArray(d.id, due))
    .returning({ ...getTableColumns(d), claim: sql<string>`${d.nextAttemptAt}::text` });
}

/** The row as this round claimed it, if no other process took it over since (a round held up past its lease). */
const stillClaimed = (delivery: Claimed) =>
  and(eq(webhookDeliveries.id, delivery.id), sql`${webhookDeliveries.nextAttemptAt} = ${delivery.claim}::timestamptz`, pending(webhookDeliveries));

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Sends what is due, once: each claimed delivery is signed with its
 * webhook's secret and posted. A 2xx answer delivers it and resets the
 * webhook's count of failures; anything else (another status, a refused
 * address, no answer) waits its retry, or is given up after the last, which
 * may disable the webhook (lib/webhooks/disable.ts). Returns the counts.
 */
export async function deliverDueWebhooks(options: WebhookDeliveryOptions = {}): Promise<{ delivered: number; failed: number; abandoned: number }> {
  const { batch = 20, leaseMs = 60_000, retryScheduleMs = RETRY_SCHEDULE_MS, disableAfter = DISABLE_AFTER_FAILURES, ...post } = options;
  const claimed = await claimDue(batch, leaseMs);
  const counts = { delivered: 0, failed: 0, abandoned: 0 };
  if (!claimed.length) return counts;
  const hooks = await db()
    .select({ id: webhooks.id, url: webhooks.url, secretSealed: webhooks.secretSealed })
    .from(webhooks)
    .where(inArray(webhooks.id, [...new Set(claimed.map((delivery) => delivery.webhookId))]));
  const hookOf = new Map(hooks.map((hook) => [hook.id, hook]));
  const allowLoopback = post.allowLoopback ?? loadConfig().webhooks.allowLoopback;

  async function deliverOne(delivery: Claimed): Promise<void> {
    const hook = hookOf.get(delivery.webhookId);
    if (!hook) return; // Deleted since: its deliveries went with it.
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const secret = openSecret(hook.secretSealed, hook.id, authSecret());
      status = await postWebhook(
        {
          url: hook.url,
          body,
          headers: {
            "Content-Type": "application/json",
            "User-Agent": "Dossier-Webhooks/1",
            "X-Dossier-Event": delivery.event,
            "X-Dossier-Delivery": delivery.id,
            "X-Dossier-Signature": signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
          },
        },
        { ...post, allowLoopback },
      );
      if (status < 200 || status > 299) error = status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed.` : `HTTP ${status}`;
    } catch (failure) {
      error = describeError(failure);
    }

    if (error === null) {
      const done = await db().update(webhookDeliveries).set({ deliveredAt: sql`now()`, lastStatus: status, lastError: null }).where(stillClaimed(delivery)).returning({ id: webhookDeliveries.id });
      if (done.length) {
        counts.delivered++;
        await db().update(webhooks).set({ consecutiveFailures: 0 }).where(and(eq(webhooks.id, hook.id), sql`${webhooks.consecutiveFailures} > 0`));
      }
      return;
    }
    counts.failed++;
    if (delivery.attempts <= retryScheduleMs.length) {
      const wait = retryScheduleMs[delivery.attempts - 1];
      await db().update(webhookDeliveries).set({ lastStatus: status, lastError: error, nextAttemptAt: sql`now() + ${ms(wait)}` }).where(stillClaimed(delivery));
      return;
    }
    if (await disableFailingWebhook(delivery, stillClaimed(delivery), { status, error }, disableAfter)) counts.abandoned++;
  }

  // Each claimed delivery is of a different webhook: they go out together.
  await Promise.all(claimed.map(deliverOne));
  return counts;
}
