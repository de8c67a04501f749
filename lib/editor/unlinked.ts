import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

interface KnownName {
  entityId: string;
  name: string;
}

/** The key a name is ignored by on a note: the entity and the words, in any case. */
export const unlinkedNameKey = (entityId: string, text: string) => `${entityId}:${text.toLocaleLowerCase()}`;

export interface UnlinkedMention {
  entityId: string;
  /** The text as written ("Pyongyang"). */
  text: string;
  from: number;
  to: number;
  /** The words around it, for the side panel. */
  context: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Plain-text occurrences of known names and aliases (whole words, any case)
 * that are not yet mentions. Mentions are atoms, so their text is never seen here.
 */
export function findUnlinkedMentions(doc: ProseMirrorNode, names: KnownName[], limit = 50): UnlinkedMention[] {
  const byKey = new Map<string, string>();
  for (const { entityId, name } of names) if (name.trim().length >= 2) byKey.set(name.trim().toLowerCase(), entityId);
  if (byKey.size === 0) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(${[...byKey.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );

  const found: UnlinkedMention[] = [];
  doc.descendants((node, pos) => {
    if (found.length >= limit) return false;
    if (!node.isText || !node.text) return true;
    for (const match of node.text.matchAll(pattern)) {
      const from = pos + match.index;
      found.push({
        entityId: byKey.get(match[0].toLowerCase())!,
        text: match[0],
        from,
        to: from + match[0].length,
        context: node.text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40).trim(),
      });
      if (found.length >= limit) break;
    }
    return false;
  });
  return found;
}
