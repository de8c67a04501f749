import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { teams, webhooks, type Webhook } from "@/db/schema";
import { authSecret } from "@/lib/collab/collab-token";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { loadConfig } from "@/lib/config";
import { badRequest, notFound } from "@/lib/errors";
import { checkedAddress, WebhookAddressRefused, type Resolve } from "./address-check";
import { DISABLED_REASONS } from "./disable";
import { enqueueWebhookPing } from "./enqueue";
import type { WebhookInput } from "./fields";
import { newSigningSecret, sealSecret } from "./secret";

/** More would be a list nobody reads; a team that needs more sends to one receiver that fans out. */
export const MAX_WEBHOOKS_PER_TEAM = 20;

export interface AddressOptions {
  resolve?: Resolve;
  allowLoopback?: boolean;
}

/**
 * The URL as Dossier will send to it, or a sentence: https:// (plain http://
 * outside production and with the test setting), no user or password in it,
 * and a host whose every address is public (checked again at each delivery).
 * Any port.
 */
export async function checkWebhookUrl(raw: string, options: AddressOptions = {}): Promise<string> {
  const { allowHttp, allowLoopback } = loadConfig().webhooks;
  const url = URL.parse(raw);
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw badRequest("Enter a URL starting with https://.");
  if (url.protocol === "http:" && !allowHttp) throw badRequest("Dossier sends webhooks over https:// only: enter an https:// URL.");
  if (url.username || url.password) throw badRequest("Leave the user name and password out of the URL; check the signature instead.");
  url.hash = "";
  try {
    await checkedAddress(url, { allowLoopback, ...options });
  } catch (error) {
    if (error instanceof WebhookAddressRefused) throw badRequest(error.message);
    throw badRequest(`Dossier could not find ${url.hostname}; check the address.`);
  }
  return url.toString();
}

/**
 * An owner adds a webhook: the URL is checked, a signing secret made and
 * sealed, and the addition recorded. Returns the webhook and its secret,
 * which is shown this once and never again.
 */
export async function createWebhook(teamId: string, userId: string, input: WebhookInput, options: AddressOptions = {}): Promise<{ webhook: Webhook; secret: string }> {
  const url = await checkWebhookUrl(input.url, options);
  const secret = newSigningSecret();
  const id = randomUUID();
  return runCommand(async ({ tx, audit, afterCommit }) => {
    // The team's row, locked: two additions at once cannot pass the limit together.
    await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).for("update");
    const [{ n }] = await tx.select({ n: count() }).from(webhooks).where(eq(webhooks.teamId, teamId));
    if (n >= MAX_WEBHOOKS_PER_TEAM) throw badRequest(`A team may have at most ${MAX_WEBHOOKS_PER_TEAM} webhooks; delete one first.`);
    const events = [...new Set(input.events)];
    const [webhook] = await tx
      .insert(webhooks)
      .values({ id, teamId, url, events, description: input.description, secretSealed: sealSecret(secret, id, authSecret()), createdBy: userId })
      .returning();
    await audit({ teamId, userId, action: "webhook.created", target: id, data: { url, events } });
    afterCommit(() => refreshTeamPages(teamId));
    return { webhook, secret };
  });
}

/** The team's webhook, locked for the change, or "That webhook was not found." */
async function lockWebhook(tx: Executor, teamId: string, webhookId: string): Promise<Webhook> {
  const [webhook] = await tx
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.teamId, teamId)))
    .for("update");
  if (!webhook) throw notFound("That webhook");
  return webhook;
}

/**
 * Pauses a webhook (nothing is queued for it, and what waits is held) or
 * resumes it, paused or disabled after failing: its count of failures starts
 * again and what waits is sent, oldest first.
 */
export function setWebhookPaused(teamId: string, userId: string, webhookId: string, paused: boolean): Promise<Webhook> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const current = await lockWebhook(tx, teamId, webhookId);
    if (paused && current.disabledAt) throw badRequest("This webhook is already sending nothing.");
    if (!paused && !current.disabledAt) throw badRequest("This webhook is already on.");
    const [webhook] = await tx
      .update(webhooks)
      .set(
        paused
          ? { disabledAt: sql`now()`, disabledReason: DISABLED_REASONS.paused, updatedAt: sql`now()` }
          : { disabledAt: null, disabledReason: null, consecutiveFailures: 0, updatedAt: sql`now()` },
      )
      .where(eq(webhooks.id, webhookId))
      .returning();
    await audit({ teamId, userId, action: paused ? "webhook.paused" : "webhook.resumed", target: webhookId, data: { url: current.url } });
    afterCommit(() => refreshTeamPages(teamId));
    return webhook;
  });
}

/** Deletes a webhook with its delivery log; what waits for it is never sent. */
export function deleteWebhook(teamId: string, userId: string, webhookId: string): Promise<void> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const current = await lockWebhook(tx, teamId, webhookId);
    await tx.delete(webhooks).where(eq(webhooks.id, webhookId));
    await audit({ teamId, userId, action: "webhook.deleted", target: webhookId, data: { url: current.url } });
    afterCommit(() => refreshTeamPages(teamId));
  });
}

/** Queues a test event ("ping") for the webhook, sent like any other. Returns the delivery's id. */
export async function sendTestEvent(teamId: string, webhookId: string): Promise<string> {
  return db().transaction(async (tx) => {
    const current = await lockWebhook(tx, teamId, webhookId);
    if (current.disabledAt) throw badRequest("This webhook sends nothing while it is off: resume it first.");
    const [id] = await enqueueWebhookPing(tx, teamId, webhookId);
    return id;
  });
}
