"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { webhookInput } from "@/lib/webhooks/fields";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookPaused } from "@/lib/webhooks/manage";

const oneWebhook = z.object({ team: z.string(), webhookId: z.uuid("That webhook was not found.") });

/** Adds a webhook; the answer carries its signing secret, which is shown this once. */
export const createWebhookAction = teamAction(webhookInput.extend({ team: z.string() }), "webhook.manage", async ({ team: _slug, ...input }, { user, team }) => {
  const { webhook, secret } = await createWebhook(team.id, user.id, input);
  return { id: webhook.id, secret };
});

export const setWebhookPausedAction = teamAction(oneWebhook.extend({ paused: z.boolean() }), "webhook.manage", async (input, { user, team }) => {
  await setWebhookPaused(team.id, user.id, input.webhookId, input.paused);
});

export const deleteWebhookAction = teamAction(oneWebhook, "webhook.manage", async (input, { user, team }) => {
  await deleteWebhook(team.id, user.id, input.webhookId);
});

/** Queues a test event ("ping") for the webhook; its delivery shows in the log. */
export const sendTestEventAction = teamAction(oneWebhook, "webhook.manage", async (input, { team }) => {
  await sendTestEvent(team.id, input.webhookId);
});
