import type { UnlinkedMention } from "@/lib/editor/unlinked";

/** One name of one entity typed as plain text, wherever it stands in the note. */
export interface UnlinkedGroup {
  key: string;
  entityId: string;
  text: string;
  mentions: UnlinkedMention[];
}

/** The key a name is ignored by: the entity and the words, in any case. */
export const ignoreKey = (entityId: string, text: string) => `${entityId}:${text.toLocaleLowerCase()}`;

/** The unlinked mentions as one card per name and entity, in the order they first stand, leaving out the names ignored. */
export function groupUnlinked(found: readonly UnlinkedMention[], ignored: ReadonlySet<string>): UnlinkedGroup[] {
  const groups = new Map<string, UnlinkedGroup>();
  for (const mention of found) {
    const key = ignoreKey(mention.entityId, mention.text);
    if (ignored.has(key)) continue;
    const group = groups.get(key) ?? { key, entityId: mention.entityId, text: mention.text, mentions: [] };
    group.mentions.push(mention);
    groups.set(key, group);
  }
  return [...groups.values()];
}

const storageKey = (noteId: string) => `dossier:unlinked-ignored:${noteId}`;

/** The names ignored on this note in this browser. */
export function readIgnored(noteId: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(noteId)) ?? "[]");
    return new Set(Array.isArray(stored) ? stored.filter((key): key is string => typeof key === "string") : []);
  } catch {
    return new Set();
  }
}

export function writeIgnored(noteId: string, ignored: ReadonlySet<string>) {
  try {
    if (ignored.size === 0) localStorage.removeItem(storageKey(noteId));
    else localStorage.setItem(storageKey(noteId), JSON.stringify([...ignored]));
  } catch {
    // A browser that keeps nothing (private mode, full storage) forgets on reload.
  }
}
