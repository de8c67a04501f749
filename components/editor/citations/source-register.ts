import type { LookedUpSource } from "@/lib/sources/lookup-wire";
import { MAX_LOOKUP_IDS } from "@/lib/sources/lookup-wire";

/** What the editor knows of a cited source: found in the register, not the team's (or gone), or not asked yet. */
export type SourceState = { found: true; source: LookedUpSource } | { found: false; pending: boolean };

/** How often the cited sources' standing is read again, so a retraction made elsewhere shows without a reload. */
export const REFRESH_EVERY_MS = 60_000;

async function lookup(team: string, params: Record<string, string>): Promise<LookedUpSource[]> {
  const response = await fetch(`/t/${encodeURIComponent(team)}/sources/lookup?${new URLSearchParams(params)}`, { cache: "no-store" });
  if (!response.ok) throw new Error((await response.json().catch(() => null))?.error ?? "The source register could not be read.");
  return ((await response.json()) as { sources: LookedUpSource[] }).sources;
}

/**
 * The team's sources as the editor knows them: what each citation shows
 * (number, grade, title) and whether its passage is warned of. Sources are
 * asked for as citations of them appear, and all of them again on `refresh`.
 */
export class SourceRegister {
  private readonly known = new Map<string, LookedUpSource | null>();
  private readonly asking = new Set<string>();
  private readonly listeners = new Set<() => void>();

  /** Goes up with every change, so what is drawn from the register knows when to draw again. */
  version = 0;

  constructor(readonly team: string) {}

  state(id: string): SourceState {
    const source = this.known.get(id);
    if (source) return { found: true, source };
    return { found: false, pending: source === undefined };
  }

  /** Whether a citation of this source takes a number: unless the register said it has no such source. */
  counts(id: string): boolean {
    return this.known.get(id) !== null;
  }

  /** A source chosen or created in the picker, known at once. */
  add(source: LookedUpSource) {
    this.known.set(source.id, source);
    this.changed();
  }

  /** Asks for the sources among `ids` not asked for yet. */
  ensure(ids: Iterable<string>) {
    const unknown = [...new Set(ids)].filter((id) => !this.known.has(id) && !this.asking.has(id));
    if (unknown.length > 0) void this.read(unknown);
  }

  /**
   * Reads every source among `ids` again (their grade or standing may have
   * changed), except those the register said it has not: a source's id is
   * made by the server, so one that was not the team's never becomes so.
   */
  refresh(ids: Iterable<string>) {
    const all = [...new Set(ids)].filter((id) => !this.asking.has(id) && this.known.get(id) !== null);
    if (all.length > 0) void this.read(all);
  }

  /** The team's sources matching `query`, for the picker; each is remembered for the citations that follow. */
  async search(query: string): Promise<LookedUpSource[]> {
    const found = await lookup(this.team, { q: query });
    for (const source of found) this.known.set(source.id, source);
    return found;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async read(ids: string[]) {
    for (const id of ids) this.asking.add(id);
    try {
      for (let start = 0; start < ids.length; start += MAX_LOOKUP_IDS) {
        const batch = ids.slice(start, start + MAX_LOOKUP_IDS);
        const found = new Map((await lookup(this.team, { ids: batch.join(",") })).map((source) => [source.id, source]));
        for (const id of batch) this.known.set(id, found.get(id) ?? null);
      }
      this.changed();
    } catch {
      // Offline or signed out: what is known stays shown, and the next refresh asks again.
    } finally {
      for (const id of ids) this.asking.delete(id);
    }
  }

  private changed() {
    this.version += 1;
    this.listeners.forEach((listener) => listener());
  }
}
