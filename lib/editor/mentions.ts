import type { DocNode } from "./document";
import { sentenceEnd, sentenceStart } from "./sentences";

/** The node that marks a mention of an entity; its trigger character (lib/entity-kinds.ts) tells the kind. */
export const MENTION_NODE = "mention";

export interface MentionFound {
  entityId: string;
  count: number;
  /** Sentences around the first mentions, mention labels inline. */
  snippets: string[];
}

const MAX_SNIPPETS = 3;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The sentence of `text` that contains position `at`. Its ends are looked for
 * in `boundaries`, the same text with mention labels' punctuation blanked, so
 * the full stops of a label like "U.S." do not end the sentence.
 */
function sentenceAround(text: string, boundaries: string, at: number): string {
  return text.slice(sentenceStart(boundaries, at), sentenceEnd(boundaries, at)).trim();
}

/** Walks a ProseMirror document and gathers its mentions, by entity, with their sentences. */
export function extractMentions(doc: DocNode): MentionFound[] {
  const found = new Map<string, MentionFound>();

  const visitTextblock = (block: DocNode) => {
    let text = "";
    let boundaries = "";
    const positions: { id: string; at: number }[] = [];
    for (const child of block.content ?? []) {
      if (child.type === MENTION_NODE) {
        const id = String(child.attrs?.id ?? "");
        if (UUID.test(id)) positions.push({ id: id.toLowerCase(), at: text.length });
        const label = String(child.attrs?.label ?? "");
        text += label;
        boundaries += label.replace(/[.!?]/g, " ");
      } else {
        text += child.text ?? "";
        boundaries += child.text ?? "";
      }
    }
    for (const { id, at } of positions) {
      const entry = found.get(id) ?? { entityId: id, count: 0, snippets: [] };
      entry.count += 1;
      if (entry.snippets.length < MAX_SNIPPETS) {
        const sentence = sentenceAround(text, boundaries, at);
        if (sentence && !entry.snippets.includes(sentence)) entry.snippets.push(sentence);
      }
      found.set(id, entry);
    }
  };

  const walk = (node: DocNode) => {
    const children = node.content ?? [];
    if (children.some((child) => child.type === "text" || child.type === MENTION_NODE)) visitTextblock(node);
    else children.forEach(walk);
  };
  walk(doc);
  return [...found.values()];
}
