import * as Y from "yjs";
import { BODY_FIELD } from "../editor/extensions";

/**
 * Puts `levels` blockquotes one inside the other at `index` of `parent`, with
 * a paragraph of `text` innermost (its text then stands `levels` + 2 below
 * `parent`). Level by level, in one transaction: Yjs integrates a whole
 * prepared tree recursively, and would overflow on the depths these tests need.
 */
export function insertNestedQuotes(parent: Y.XmlFragment | Y.XmlElement, index: number, levels: number, text = "deep") {
  parent.doc!.transact(() => {
    let container = parent;
    let at = index;
    for (let level = 0; level < levels; level++) {
      const quote = new Y.XmlElement("blockquote");
      container.insert(at, [quote]);
      container = quote;
      at = 0;
    }
    const paragraph = new Y.XmlElement("paragraph");
    container.insert(at, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
  });
}

/** A second replica of `doc`, as a client holds it after syncing. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The update a change to `doc`'s body produces, as a provider would send it. */
export function updateMaking(doc: Y.Doc, change: (body: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment(BODY_FIELD));
  return Y.encodeStateAsUpdate(doc, before);
}
