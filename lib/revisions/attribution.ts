import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";

const NONE = -1;

/**
 * For each ProseMirror position of a note's document, the Yjs id of what
 * stands there (each text character, each node boundary; null for the root's),
 * read from the Yjs state. Walks the document the way y-prosemirror maps it:
 * an XmlElement per node, an XmlText per run of text, one position per character.
 */
export function itemsByPosition(state: Uint8Array): (Y.ID | null)[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const schema = noteSchema();
  const items: (Y.ID | null)[] = [];

  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        for (let item = child._start; item; item = item.right) {
          if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
          for (let i = 0; i < item.length; i++) items.push(Y.createID(item.id.client, item.id.clock + i));
        }
      } else if (child instanceof Y.XmlElement) {
        const id = child._item?.id ?? null;
        items.push(id);
        if (!schema.nodes[child.nodeName]?.isLeaf) {
          walk(child);
          items.push(id);
        }
      }
    }
  };
  walk(doc.getXmlFragment(BODY_FIELD));
  doc.destroy();
  return items;
}

/** For each position, the Yjs client that wrote what stands there. */
export function writersByPosition(state: Uint8Array): number[] {
  return itemsByPosition(state).map((id) => id?.client ?? NONE);
}

/** The clients that wrote the range [from, to) of the document. */
export function writersOf(writers: number[], from: number, to: number): Set<number> {
  const found = new Set<number>();
  for (let pos = from; pos < to && pos < writers.length; pos++) if (writers[pos] !== NONE) found.add(writers[pos]);
  return found;
}

/** The ids of what stood in the range [from, to) of the document. */
export function itemsIn(items: (Y.ID | null)[], from: number, to: number): Y.ID[] {
  return items.slice(from, to).filter((id): id is Y.ID => id !== null);
}

/**
 * Whether a later state of the document has deleted any of these items.
 * Yjs keeps no record of who deleted what, only that it is deleted; asked of
 * each stored version in turn, it tells in which one a deletion was made.
 */
export function deletesAny(state: Uint8Array, ids: Y.ID[]): boolean {
  if (ids.length === 0) return false;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  doc.destroy();
  return ids.some((id) => Y.isDeleted(deleted, id));
}
