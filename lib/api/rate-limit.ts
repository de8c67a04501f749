/**
 * A fixed-window limit on API requests, per token (or per client address
 * without a valid token), kept in this process's memory: behind several
 * processes, each counts its own share. Enough to stop a runaway script; it
 * is not an accounting of use.
 */
/** How many keys are kept at most: past it the oldest are forgotten, so many addresses cannot grow the map without bound. */
const MOST_KEYS = 50_000;

export class RateLimiter {
  private windows = new Map<string, { startedAt: number; count: number }>();
  private sweptAt = 0;

  constructor(
    /** Requests allowed per key in one window. */
    readonly limit: number,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; when over the limit, the seconds until the window ends (the Retry-After). */
  take(key: string): { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      if (this.windows.size >= MOST_KEYS) this.makeRoom(now);
      window = { startedAt: now, count: 0 };
      this.windows.delete(key); // Set again below, so the map stays in the order windows started.
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return { allowed: true, remaining: this.limit - window.count };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)) };
  }

  /**
   * Drops ended windows (at most once a window: within one, nothing has
   * ended), then the oldest ones while still full. The map is in the order
   * windows started, so both stop at the first window they keep.
   */
  private makeRoom(now: number) {
    const sweep = now - this.sweptAt >= this.windowMs;
    if (sweep) this.sweptAt = now;
    for (const [key, window] of this.windows) {
      const ended = now - window.startedAt >= this.windowMs;
      if (!(sweep && ended) && this.windows.size < MOST_KEYS) break;
      this.windows.delete(key);
    }
  }
}
