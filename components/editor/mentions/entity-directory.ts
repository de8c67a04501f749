import type { EntityKind } from "@/lib/entity-kinds";

export interface DirectoryEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
}

/**
 * The team's actors and events as the editor knows them: chips show the
 * current name from here, and unlinked mentions are found with it. New
 * entities created from the editor are added as they are made.
 */
export class EntityDirectory {
  private readonly byId = new Map<string, DirectoryEntry>();
  private readonly listeners = new Set<() => void>();

  constructor(entries: DirectoryEntry[]) {
    for (const entry of entries) this.byId.set(entry.id, entry);
  }

  get(id: string): DirectoryEntry | undefined {
    return this.byId.get(id);
  }

  all(): DirectoryEntry[] {
    return [...this.byId.values()];
  }

  add(entry: DirectoryEntry) {
    this.byId.set(entry.id, entry);
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
