import { unlinkedNameKey, type UnlinkedMention } from "@/lib/editor/unlinked";

/** One name of one entity typed as plain text, wherever it stands in the note. */
export interface UnlinkedGroup {
  key: string;
  entityId: string;
  text: string;
  mentions: UnlinkedMention[];
}

/** The unlinked mentions as one card per name and entity, in the order they first stand, leaving out the names ignored. */
export function groupUnlinked(found: readonly UnlinkedMention[], ignored: ReadonlySet<string>): UnlinkedGroup[] {
  const groups = new Map<string, UnlinkedGroup>();
  for (const mention of found) {
    const key = unlinkedNameKey(mention.entityId, mention.text);
    if (ignored.has(key)) continue;
    const group = groups.get(key) ?? { key, entityId: mention.entityId, text: mention.text, mentions: [] };
    group.mentions.push(mention);
    groups.set(key, group);
  }
  return [...groups.values()];
}
