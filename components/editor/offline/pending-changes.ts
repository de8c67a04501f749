/**
 * Counts the changes made in this browser that the server has not yet
 * acknowledged. The provider's own count restarts with every connection and
 * every page, so this one is kept beside the edits (see offline-store.ts) and
 * is right after a reload: each local change adds one, and the server's
 * acknowledgement of everything (the pill's "Saved") brings it back to zero.
 */
export class PendingChanges {
  private listeners = new Set<(count: number) => void>();

  constructor(
    private current: number,
    private readonly keep: (count: number) => void,
  ) {}

  get count(): number {
    return this.current;
  }

  /** A change typed here (or loaded from a past visit's edits: those are counted already). */
  added() {
    this.set(this.current + 1);
  }

  /** The server holds every change: nothing is pending. */
  acknowledged() {
    if (this.current !== 0) this.set(0);
  }

  subscribe(listener: (count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(count: number) {
    this.current = count;
    this.keep(count);
    for (const listener of this.listeners) listener(count);
  }
}
