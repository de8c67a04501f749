import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";

const NONE = -1;

/**
 * For each ProseMirror position of a note's document, the Yjs client that
 * wrote what stands there (text characters and node boundaries), read from the
 * Yjs state. Walks the document the way y-prosemirror maps it: an XmlElement
 * per node, an XmlText per run of text, one position per character.
 */
export function writersByPosition(state: Uint8Array): number[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const schema = noteSchema();
  const writers: number[] = [];

  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        for (let item = child._start; item; item = item.right) {
          if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
          for (let i = 0; i < item.length; i++) writers.push(item.id.client);
        }
      } else if (child instanceof Y.XmlElement) {
        const client = child._item?.id.client ?? NONE;
        writers.push(client);
        if (!schema.nodes[child.nodeName]?.isLeaf) {
          walk(child);
          writers.push(client);
        }
      }
    }
  };
  walk(doc.getXmlFragment(BODY_FIELD));
  doc.destroy();
  return writers;
}

/** The clients that wrote the range [from, to) of the document. */
export function writersOf(writers: number[], from: number, to: number): Set<number> {
  const found = new Set<number>();
  for (let pos = from; pos < to && pos < writers.length; pos++) if (writers[pos] !== NONE) found.add(writers[pos]);
  return found;
}
