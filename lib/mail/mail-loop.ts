import "server-only";
import { deliverDueMail, type DeliveryOptions, type SendMail } from "./delivery";
import { forgetOldMail } from "./retention";

/** A job the loop runs each round besides delivery (the daily digests). */
export type MailJob = () => Promise<unknown>;

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
  let forgotAt = -Infinity;
  // Old mail is deleted now and then, not every few seconds.
  const forgetNowAndThen: MailJob = async () => {
    if (Date.now() - forgotAt < forgetEveryMs) return;
    forgotAt = Date.now();
    await forgetOldMail();
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    // A job that fails is logged and tried next round; it never holds up delivery.
    for (const job of [...jobs, forgetNowAndThen]) await job().catch((error) => console.error("[mail] job failed:", error));
    // Until a round finds nothing due, so a burst is not spread over many pauses.
    while (!stopped) {
      const { sent, failed, withdrawn } = await deliverDueMail(send, delivery);
      if (sent + failed + withdrawn === 0 || failed > 0) break;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch((error) => console.error("[mail] delivery round failed:", error))
        .finally(schedule);
    }, intervalMs);
    timer.unref?.();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
