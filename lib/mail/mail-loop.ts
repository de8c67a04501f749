import "server-only";
import { deliverDueMail, type DeliveryOptions, type SendMail } from "./delivery";

/** A job the loop runs each round besides delivery (the daily digests). */
export type MailJob = () => Promise<unknown>;

export interface MailLoopOptions extends DeliveryOptions {
  /** The pause between rounds. */
  intervalMs?: number;
  jobs?: MailJob[];
}

/**
 * Delivers queued mail in the background: a round every few seconds, on every
 * process (claims skip what another holds). A round that fails is logged and
 * the next one tries again; nothing here is on a request's path.
 */
export function startMailLoop(send: SendMail, options: MailLoopOptions = {}): { stop(): Promise<void> } {
  const { intervalMs = 2000, jobs = [], ...delivery } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    // A job that fails is logged and tried next round; it never holds up delivery.
    for (const job of jobs) await job().catch((error) => console.error("[mail] job failed:", error));
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
