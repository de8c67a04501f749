import * as Y from "yjs";
import { DOCUMENT_LIMITS, type DocumentShape } from "./limits";
import { noteSchema } from "./schema";

/**
 * A note's body as Yjs holds it, measured without recursion: the readers of a
 * body (y-tiptap, ProseMirror) recurse once per level, so these are what keeps
 * a hostile body from overflowing their stack. Depth counts as in ProseMirror
 * JSON (`measureDocument`): a top-level block is 1, its text 2.
 */

/** How deep `type` stands below `body`: 0 for the body itself; stops counting past the limit. */
export function depthInBody(type: { _item: Y.Item | null }, body: Y.XmlFragment): number {
  let depth = 0;
  let current: { _item: Y.Item | null } | null = type;
  while (current && current !== body && depth <= DOCUMENT_LIMITS.depth) {
    depth += 1;
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment ? parent : null;
  }
  return depth;
}

/** Called for every element and text with its depth; returning false skips what the element holds. */
type Visit = (child: Y.XmlElement | Y.XmlText, depth: number) => boolean | void;

/** Visits every element and text below `fragment` with its depth. */
function walkBody(fragment: Y.XmlFragment | Y.XmlElement, visit: Visit, startDepth = 0) {
  const stack: { parent: Y.XmlFragment | Y.XmlElement; depth: number }[] = [{ parent: fragment, depth: startDepth }];
  while (stack.length > 0) {
    const { parent, depth } = stack.pop()!;
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement) && !(child instanceof Y.XmlText)) continue;
      const descend = visit(child, depth + 1) !== false;
      if (descend && child instanceof Y.XmlElement) stack.push({ parent: child, depth: depth + 1 });
    }
  }
}

/** Measures `fragment` (the body, or an element in it standing at `depth`). */
export function measureBody(fragment: Y.XmlFragment | Y.XmlElement, depth = 0): DocumentShape {
  const shape: DocumentShape = { depth, nodes: 0, characters: 0 };
  walkBody(
    fragment,
    (child, childDepth) => {
      shape.nodes += 1;
      if (childDepth > shape.depth) shape.depth = childDepth;
      if (child instanceof Y.XmlText) shape.characters += child.length;
      // Text kept in attributes (a judgment's assumptions) counts too.
      else for (const value of Object.values(child.getAttributes())) if (typeof value === "string") shape.characters += value.length;
    },
    depth,
  );
  return shape;
}

const mayBeEmpty = (element: Y.XmlElement) => noteSchema().nodes[element.nodeName]?.contentMatch.validEnd ?? true;

/**
 * Deletes what stands deeper than the limit allows, and then every element
 * left empty that the schema needs filled, so what is left can be read and is
 * a valid document.
 */
export function pruneTooDeep(fragment: Y.XmlFragment) {
  const tooDeep: (Y.XmlElement | Y.XmlText)[] = [];
  walkBody(fragment, (child, depth) => {
    if (depth <= DOCUMENT_LIMITS.depth) return true;
    tooDeep.push(child);
    return false;
  });
  const remove = (child: Y.XmlElement | Y.XmlText) => {
    const parent = child.parent;
    if (!(parent instanceof Y.XmlElement) && !(parent instanceof Y.XmlFragment)) return null;
    parent.delete(parent.toArray().indexOf(child), 1);
    return parent;
  };
  fragment.doc?.transact(() => {
    for (const child of tooDeep) {
      let emptied = remove(child);
      while (emptied instanceof Y.XmlElement && emptied.length === 0 && !mayBeEmpty(emptied)) emptied = remove(emptied);
    }
  });
}
