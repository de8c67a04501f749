/** A job a background loop runs in its rounds. */
export type LoopJob = () => Promise<unknown>;

/** The job, run at most once every `everyMs` however often it is asked (old rows deleted hourly, not every few seconds). */
export function nowAndThen(everyMs: number, job: LoopJob): LoopJob {
  let ranAt = -Infinity;
  return async () => {
    if (Date.now() - ranAt < everyMs) return;
    ranAt = Date.now();
    await job();
  };
}

/**
 * Runs `round` in the background, a pause of `intervalMs` after the end of
 * the one before, on every process (the mail outbox, webhook deliveries). A
 * round that fails is logged under `name` and the next one tries again;
 * nothing here is on a request's path. `stop` waits for the round under way.
 */
export function startBackgroundLoop(name: string, round: (stopped: () => boolean) => Promise<void>, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round(() => stopped)
        .catch((error) => console.error(`[${name}] round failed:`, error))
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
