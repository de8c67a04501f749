import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { teams, webhookDeliveries, webhooks, type WebhookDeliveryEvent, type WebhookEvent } from "@/db/schema";
import { appOrigin } from "@/lib/app-origin";

/** What a delivery's body says of the event: ids, titles, numbers and links, never a draft's text. */
export type WebhookData = Record<string, unknown>;
/** The event's data, made for the team (its links need the team's slug), only when some webhook will receive it. */
export type WebhookDataOf = (team: { slug: string; name: string }, origin: string) => WebhookData;

/** The JSON body of one delivery, exactly as it is signed and sent. */
export interface WebhookPayload {
  /** The delivery's id, also sent as X-Dossier-Delivery: a receiver that sees it twice has seen it before. */
  id: string;
  event: WebhookDeliveryEvent;
  occurredAt: string;
  team: { slug: string; name: string };
  data: WebhookData;
}

interface Recipient {
  webhookId: string;
  slug: string;
  name: string;
}

async function queue(tx: Executor, teamId: string, event: WebhookDeliveryEvent, dataOf: WebhookDataOf, recipients: Recipient[]): Promise<string[]> {
  if (!recipients.length) return [];
  const occurredAt = new Date().toISOString();
  const team = { slug: recipients[0].slug, name: recipients[0].name };
  const data = dataOf(team, appOrigin());
  const rows = recipients.map(({ webhookId }) => {
    const id = randomUUID();
    const payload: WebhookPayload = { id, event, occurredAt, team, data };
    // The clock, not the transaction's start: events of one transaction are sent in the order they were queued.
    return { id, webhookId, teamId, event, payload: payload as unknown as Record<string, unknown>, createdAt: sql`clock_timestamp()` };
  });
  await tx.insert(webhookDeliveries).values(rows);
  return rows.map((row) => row.id);
}

/**
 * Queues the event for each webhook of the team subscribed to it and not
 * paused or disabled, in the transaction of the change it tells of: sent if
 * and only if that commits (lib/webhooks/delivery.ts sends it). One query
 * when the team has no such webhook. Returns the deliveries' ids.
 */
export async function enqueueWebhookEvent(tx: Executor, teamId: string, event: WebhookEvent, data: WebhookDataOf): Promise<string[]> {
  const recipients = await tx
    .select({ webhookId: webhooks.id, slug: teams.slug, name: teams.name })
    .from(webhooks)
    .innerJoin(teams, eq(teams.id, webhooks.teamId))
    .where(and(eq(webhooks.teamId, teamId), isNull(webhooks.disabledAt), sql`${event} = any(${webhooks.events})`));
  return queue(tx, teamId, event, data, recipients);
}

/** Queues a test event ("ping") for one webhook of the team, whatever it is subscribed to. */
export async function enqueueWebhookPing(tx: Executor, teamId: string, webhookId: string): Promise<string[]> {
  const recipients = await tx
    .select({ webhookId: webhooks.id, slug: teams.slug, name: teams.name })
    .from(webhooks)
    .innerJoin(teams, eq(teams.id, webhooks.teamId))
    .where(and(eq(webhooks.teamId, teamId), eq(webhooks.id, webhookId)));
  return queue(tx, teamId, "ping", (team, origin) => ({ webhook: { id: webhookId }, message: "A test event sent from Dossier.", url: `${origin}/t/${team.slug}/settings/webhooks` }), recipients);
}
