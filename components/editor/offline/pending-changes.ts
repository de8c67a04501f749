/**
 * Counts the changes made in this browser that the server has not yet
 * acknowledged. The provider's own count restarts with every connection and
 * every page, so this one is kept beside the edits (see offline-store.ts) and
 * is right after a reload: each local change adds one, and the server's
 * acknowledgement of everything (the pill's "Saved") brings it back to zero.
 *
 * `count` is every change; `kept` is the count as last written to the
 * browser's store, which is written after the changes it counts: what the
 * pill may say is kept in this browser.
 */
export class PendingChanges {
  private listeners = new Set<(kept: number) => void>();
  private latestKept: number;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private current: number,
    private readonly keep: (count: number) => Promise<void>,
  ) {
    this.latestKept = current;
  }

  get count(): number {
    return this.current;
  }

  get kept(): number {
    return this.latestKept;
  }

  /** A change made here. */
  added() {
    this.set(this.current + 1);
  }

  /** The server holds every change: nothing is pending. */
  acknowledged() {
    if (this.current !== 0) this.set(0);
  }

  subscribe(listener: (kept: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(count: number) {
    this.current = count;
    // In order, so a slow write never lands after a later one.
    this.writes = this.writes
      .then(() => this.keep(count))
      .then(
        () => {
          this.latestKept = count;
          for (const listener of this.listeners) listener(count);
        },
        (error: unknown) => console.error("Could not keep the count of offline changes:", error),
      );
  }

  /** Resolves once every count so far is written (for tests and for leaving the page). */
  settled(): Promise<void> {
    return this.writes;
  }
}
