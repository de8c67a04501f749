import * as Y from "yjs";
import { depthInBody, measureBody } from "./body-shape";
import { BODY_FIELD } from "./extensions";
import { DOCUMENT_LIMITS } from "./limits";

/**
 * The browser editor's last line against a body it cannot draw. y-tiptap
 * draws the body recursively; on a body nested deeper than that can follow it
 * fails, the editor is left showing less than the note holds, and the next
 * keystroke writes that emptier body back over the note. The server refuses
 * such updates, so this only fires on a note stored before it did: the guard
 * looks at every change before any observer (y-tiptap's included) sees it,
 * and calls `onProblem` synchronously so the editor can be taken down first.
 */
export function guardBody(doc: Y.Doc, onProblem: (problem: string) => void): () => void {
  const body = doc.getXmlFragment(BODY_FIELD);
  let tripped = false;
  const trip = (depth: number) => {
    if (tripped) return;
    tripped = true;
    onProblem(`This note is nested ${depth} levels deep, more than the editor can show (${DOCUMENT_LIMITS.depth}).`);
  };

  const initial = measureBody(body).depth;
  if (initial > DOCUMENT_LIMITS.depth) trip(initial);

  const check = (transaction: Y.Transaction) => {
    if (tripped) return;
    const isNew = (type: Y.XmlElement) => {
      const id = type._item?.id;
      return id !== undefined && id.clock >= (transaction.beforeState.get(id.client) ?? 0);
    };
    for (const changed of transaction.changed.keys()) {
      if (!(changed instanceof Y.XmlElement) && !(changed instanceof Y.XmlFragment)) continue;
      const depth = depthInBody(changed, body);
      if (depth > DOCUMENT_LIMITS.depth) return trip(depth);
      for (const child of changed.toArray()) {
        if (!(child instanceof Y.XmlElement) || !isNew(child)) continue;
        const deepest = measureBody(child, depth + 1).depth;
        if (deepest > DOCUMENT_LIMITS.depth) return trip(deepest);
      }
    }
  };
  doc.on("beforeObserverCalls", check);
  return () => doc.off("beforeObserverCalls", check);
}
