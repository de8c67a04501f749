import "server-only";
import { nowAndThen, startBackgroundLoop, type LoopJob } from "@/lib/background-loop";
import { deliverDueMail, type DeliveryOptions, type SendMail } from "./delivery";
import { forgetOldMail } from "./retention";

/** A job the loop runs each round besides delivery (the daily digests). */
export type MailJob = LoopJob;

export interface MailLoopOptions extends DeliveryOptions {
  /** The pause between rounds. */
  intervalMs?: number;
  jobs?: MailJob[];
  /** How often old sent mail is deleted (lib/mail/retention.ts). */
  forgetEveryMs?: number;
}

/**
 * Delivers queued mail in the background: a round every few seconds, on every
 * process (claims skip what another holds). A round that fails is logged and
 * the next one tries again; nothing here is on a request's path.
 */
export function startMailLoop(send: SendMail, options: MailLoopOptions = {}): { stop(): Promise<void> } {
  const { intervalMs = 2000, jobs = [], forgetEveryMs = 3600_000, ...delivery } = options;
  const forget = nowAndThen(forgetEveryMs, forgetOldMail);
  return startBackgroundLoop(
    "mail",
    async (stopped) => {
      // A job that fails is logged and tried next round; it never holds up delivery.
      for (const job of [...jobs, forget]) await job().catch((error) => console.error("[mail] job failed:", error));
      // Until a round finds nothing due, so a burst is not spread over many pauses.
      while (!stopped()) {
        const { sent, failed, withdrawn } = await deliverDueMail(send, delivery);
        if (sent + failed + withdrawn === 0 || failed > 0) break;
      }
    },
    intervalMs,
  );
}
