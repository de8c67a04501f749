import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, webhookDeliveries, webhooks, type WebhookEvent } from "@/db/schema";
import { listNotifications } from "@/lib/notifications/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildMember, buildTeam } from "@/lib/testing/factories";
import { useWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { deliverDueWebhooks, RETRY_SCHEDULE_MS } from "./delivery";
import { enqueueWebhookEvent, type WebhookPayload } from "./enqueue";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookPaused } from "./manage";
import { teamWebhooks } from "./queries";
import { forgetOldWebhookDeliveries } from "./retention";
import { verifySignature } from "./signature";

useTestDatabase();
const receiver = useWebhookReceiver();

/** Retries at once, so a test need not sit through the real back-off. */
const atOnce = { retryScheduleMs: [0, 0, 0, 0, 0] };

async function teamWithWebhook(events: WebhookEvent[] = ["note.created", "source.retracted"], path = "/hook") {
  const { team, owner } = await buildTeam();
  const { webhook, secret } = await createWebhook(team.id, owner.id, { url: receiver().url(path), events, description: "Chat room" });
  return { team, owner, webhook, secret };
}

const queueEvent = (teamId: string, event: WebhookEvent, n: number) => enqueueWebhookEvent(db(), teamId, event, () => ({ n }));
const bodies = () => receiver().received.map((r) => JSON.parse(r.body) as WebhookPayload);
const deliveriesOf = (webhookId: string) => db().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(webhookDeliveries.createdAt);
/** As if the retry's wait were over. */
const makeDue = (webhookId: string) => db().update(webhookDeliveries).set({ nextAttemptAt: sql`now()` }).where(eq(webhookDeliveries.webhookId, webhookId));

describe("webhook delivery", () => {
  it("posts the event as JSON, signed with the secret shown at creation", async () => {
    const { team, webhook, secret } = await teamWithWebhook();
    const [id] = await queueEvent(team.id, "note.created", 1);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, failed: 0, abandoned: 0 });

    const [got] = receiver().received;
    expect(got.path).toBe("/hook");
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["x-dossier-event"]).toBe("note.created");
    expect(got.headers["x-dossier-delivery"]).toBe(id);
    const signature = String(got.headers["x-dossier-signature"]);
    expect(verifySignature(secret, got.body, signature)).toBe(true);
    expect(verifySignature("whsec_another", got.body, signature)).toBe(false);
    expect(JSON.parse(got.body)).toMatchObject({ id, event: "note.created", team: { slug: team.slug, name: team.name }, data: { n: 1 } });

    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery).toMatchObject({ attempts: 1, lastStatus: 200, lastError: null });
    expect(delivery.deliveredAt).toBeInstanceOf(Date);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0, abandoned: 0 });
  });

  it("retries after 500s and delivers once the receiver answers 200", async () => {
    const { team, webhook } = await teamWithWebhook();
    await queueEvent(team.id, "note.created", 1);
    receiver().answers.push(500, 503);
    expect(await deliverDueWebhooks(atOnce)).toEqual({ delivered: 0, failed: 1, abandoned: 0 });
    const [retrying] = (await teamWebhooks(team.id))[0].deliveries;
    expect(retrying).toMatchObject({ state: "retrying", attempts: 1, lastStatus: 500, lastError: "HTTP 500" });
    expect(await deliverDueWebhooks(atOnce)).toEqual({ delivered: 0, failed: 1, abandoned: 0 });
    expect(await deliverDueWebhooks(atOnce)).toEqual({ delivered: 1, failed: 0, abandoned: 0 });
    expect(receiver().received).toHaveLength(3);
    expect(new Set(bodies().map((b) => b.id)).size).toBe(1);
    const [delivered] = await deliveriesOf(webhook.id);
    expect(delivered).toMatchObject({ attempts: 3, lastStatus: 200 });
  });

  it("waits 1 min, 5 min, 30 min, 2 h and 6 h between attempts, then gives up", async () => {
    const { team, webhook } = await teamWithWebhook();
    await queueEvent(team.id, "note.created", 1);
    receiver().answers.push(...Array(10).fill(500));
    for (const wait of RETRY_SCHEDULE_MS) {
      const before = Date.now();
      await deliverDueWebhooks();
      const [row] = await deliveriesOf(webhook.id);
      const waited = row.nextAttemptAt.getTime() - before;
      expect(waited).toBeGreaterThan(wait - 2_000);
      expect(waited).toBeLessThan(wait + 2_000);
      // Not before its time.
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0, abandoned: 0 });
      await makeDue(webhook.id);
    }
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 1, abandoned: 1 });
    const [given] = await deliveriesOf(webhook.id);
    expect(given).toMatchObject({ attempts: RETRY_SCHEDULE_MS.length + 1, lastStatus: 500 });
    expect(given.abandonedAt).toBeInstanceOf(Date);
    expect(receiver().received).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
  });

  it("sends a webhook's events in the order they were queued: a later one waits while an earlier one is retried", async () => {
    const { team } = await teamWithWebhook();
    for (const n of [1, 2, 3]) await queueEvent(team.id, "note.created", n);
    receiver().answers.push(500, 500);
    for (let round = 0; round < 6; round++) await deliverDueWebhooks(atOnce);
    expect(bodies().map((b) => b.data.n)).toEqual([1, 1, 1, 2, 3]);
  });

  it("gives a delivery up after its last retry, disables the webhook after K in a row and tells the team's owners", async () => {
    const { team, owner, webhook } = await teamWithWebhook();
    const coOwner = await buildMember(team.id, "owner");
    const analyst = await buildMember(team.id, "analyst");
    for (const n of [1, 2, 3]) await queueEvent(team.id, "note.created", n);
    receiver().answers.push(...Array(20).fill(500));
    const options = { retryScheduleMs: [0], disableAfter: 2 };
    for (let round = 0; round < 4; round++) await deliverDueWebhooks(options);

    const [first, second, third] = await deliveriesOf(webhook.id);
    expect([first.abandonedAt, second.abandonedAt].every(Boolean)).toBe(true);
    expect(third).toMatchObject({ attempts: 0, abandonedAt: null, deliveredAt: null });
    const [disabled] = await db().select().from(webhooks).where(eq(webhooks.id, webhook.id));
    expect(disabled).toMatchObject({ consecutiveFailures: 2, disabledReason: "failing" });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    // Nothing more is sent while it is disabled.
    const sent = receiver().received.length;
    expect(await deliverDueWebhooks(options)).toEqual({ delivered: 0, failed: 0, abandoned: 0 });
    expect(receiver().received).toHaveLength(sent);

    for (const user of [owner, coOwner]) {
      const [notice] = await listNotifications(user.id);
      expect(notice).toMatchObject({ kind: "webhook_disabled", title: team.name, excerpt: webhook.url, href: `/t/${team.slug}/settings/webhooks` });
    }
    expect(await listNotifications(analyst.id)).toEqual([]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.target, webhook.id));
    expect(audit.map((entry) => entry.action).sort()).toEqual(["webhook.created", "webhook.disabled"]);
  });

  it("starts the count of failures again after a success", async () => {
    const { team, webhook } = await teamWithWebhook();
    for (const n of [1, 2, 3]) await queueEvent(team.id, "note.created", n);
    receiver().answers.push(500, 500, 200, 500, 500);
    const options = { retryScheduleMs: [0], disableAfter: 2 };
    for (let round = 0; round < 5; round++) await deliverDueWebhooks(options);
    const [hook] = await db().select().from(webhooks).where(eq(webhooks.id, webhook.id));
    // One given up, one delivered, one given up: never two in a row.
    expect(hook).toMatchObject({ consecutiveFailures: 1, disabledAt: null });
    expect((await deliveriesOf(webhook.id)).map((d) => Boolean(d.deliveredAt))).toEqual([false, true, false]);
  });

  it("sends nothing for a paused webhook, and what waited once it is resumed", async () => {
    const { team, owner, webhook } = await teamWithWebhook();
    await queueEvent(team.id, "note.created", 1);
    await setWebhookPaused(team.id, owner.id, webhook.id, true);
    expect(await queueEvent(team.id, "note.created", 2)).toEqual([]);
    expect((await rejectionOf(sendTestEvent(team.id, webhook.id))).message).toMatch(/resume it first/);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0, abandoned: 0 });
    expect(receiver().connections()).toBe(0);

    await setWebhookPaused(team.id, owner.id, webhook.id, false);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, failed: 0, abandoned: 0 });
    expect(bodies().map((b) => b.data.n)).toEqual([1]);
  });

  it("sends a webhook only its own team's events, and only those it subscribed to", async () => {
    const home = await teamWithWebhook(["note.created"], "/home");
    const other = await teamWithWebhook(["note.created", "source.retracted"], "/other");
    await queueEvent(other.team.id, "note.created", 1);
    await queueEvent(home.team.id, "source.retracted", 2);
    await queueEvent(home.team.id, "note.created", 3);
    for (let round = 0; round < 3; round++) await deliverDueWebhooks();
    const got = receiver().received.map((r) => [r.path, (JSON.parse(r.body) as WebhookPayload).data.n]);
    expect(got.sort()).toEqual([
      ["/home", 3],
      ["/other", 1],
    ]);
  });

  it("sends a test event to one webhook, whatever it is subscribed to", async () => {
    const { team, webhook, secret } = await teamWithWebhook(["edition.published"]);
    const id = await sendTestEvent(team.id, webhook.id);
    await deliverDueWebhooks();
    const [got] = receiver().received;
    expect(got.headers["x-dossier-event"]).toBe("ping");
    expect(verifySignature(secret, got.body, String(got.headers["x-dossier-signature"]))).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({ id, event: "ping", data: { webhook: { id: webhook.id } } });
    expect((await teamWebhooks(team.id))[0].deliveries).toMatchObject([{ id, event: "ping", state: "delivered", lastStatus: 200 }]);
  });

  it("refuses a private address when the delivery is sent, too: without the test setting, loopback is refused and never connected", async () => {
    const { team, webhook } = await teamWithWebhook();
    await queueEvent(team.id, "note.created", 1);
    vi.stubEnv("DOSSIER_WEBHOOKS_ALLOW_LOOPBACK", "0");
    try {
      expect(await deliverDueWebhooks(atOnce)).toEqual({ delivered: 0, failed: 1, abandoned: 0 });
    } finally {
      vi.stubEnv("DOSSIER_WEBHOOKS_ALLOW_LOOPBACK", "1");
    }
    expect(receiver().connections()).toBe(0);
    const [refused] = await deliveriesOf(webhook.id);
    expect(refused).toMatchObject({ lastStatus: null, lastError: "That address is on a private network; Dossier only sends to public addresses." });
  });

  it("deletes a webhook with its log; what waited is never sent", async () => {
    const { team, owner, webhook } = await teamWithWebhook();
    await queueEvent(team.id, "note.created", 1);
    await deleteWebhook(team.id, owner.id, webhook.id);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, failed: 0, abandoned: 0 });
    expect(await db().select().from(webhookDeliveries)).toEqual([]);
    expect((await rejectionOf(deleteWebhook(team.id, owner.id, webhook.id))).message).toBe("That webhook was not found.");
  });

  it("forgets deliveries done with more than 30 days ago, never one still waiting", async () => {
    const { team, webhook } = await teamWithWebhook();
    for (const n of [1, 2, 3]) await queueEvent(team.id, "note.created", n);
    const [old, recent] = await deliveriesOf(webhook.id);
    await db().update(webhookDeliveries).set({ deliveredAt: sql`now() - interval '31 days'` }).where(eq(webhookDeliveries.id, old.id));
    await db().update(webhookDeliveries).set({ deliveredAt: sql`now() - interval '29 days'` }).where(eq(webhookDeliveries.id, recent.id));
    expect(await forgetOldWebhookDeliveries()).toBe(1);
    expect((await deliveriesOf(webhook.id)).map((d) => d.id)).not.toContain(old.id);
    expect(await deliveriesOf(webhook.id)).toHaveLength(2);
  });
});
