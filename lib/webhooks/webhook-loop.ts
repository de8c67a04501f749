import "server-only";
import { nowAndThen, startBackgroundLoop } from "@/lib/background-loop";
import { deliverDueWebhooks, type WebhookDeliveryOptions } from "./delivery";
import { forgetOldWebhookDeliveries } from "./retention";

export interface WebhookLoopOptions extends WebhookDeliveryOptions {
  /** The pause between rounds. */
  intervalMs?: number;
  /** How often old deliveries are deleted (lib/webhooks/retention.ts). */
  forgetEveryMs?: number;
}

/**
 * Sends queued webhook deliveries in the background, on every process
 * (claims skip what another holds): a round every two seconds, which goes on
 * while deliveries succeed, so a webhook's next event follows its last at once.
 */
export function startWebhookLoop(options: WebhookLoopOptions = {}): { stop(): Promise<void> } {
  const { intervalMs = 2000, forgetEveryMs = 3600_000, ...delivery } = options;
  const forget = nowAndThen(forgetEveryMs, forgetOldWebhookDeliveries);
  return startBackgroundLoop(
    "webhooks",
    async (stopped) => {
      await forget().catch((error) => console.error("[webhooks] could not delete old deliveries:", error));
      while (!stopped()) {
        // Only a success can make a webhook's next delivery due at once; failures wait their retry.
        const { delivered } = await deliverDueWebhooks(delivery);
        if (delivered === 0) break;
      }
    },
    intervalMs,
  );
}
