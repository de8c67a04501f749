import * as Y from "yjs";
import { DOCUMENT_LIMITS, type DocumentShape } from "./limits";

/**
 * A note's body as Yjs holds it, measured without recursion: the readers of a
 * body (y-tiptap, ProseMirror) recurse once per level, so these are what keeps
 * a hostile body from overflowing their stack. Depth counts as in ProseMirror
 * JSON (`measureDocument`): a top-level block is 1, its text 2.
 */

/** How deep `type` stands below `body`: 0 for the body itself; stops counting past the limit. */
export function depthInBody(type: Y.AbstractType<unknown>, body: Y.XmlFragment): number {
  let depth = 0;
  let current: Y.AbstractType<unknown> | null = type;
  while (current && current !== body && depth <= DOCUMENT_LIMITS.depth) {
    depth += 1;
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? parent : null;
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

export function measureBody(fragment: Y.XmlFragment): DocumentShape {
  const shape: DocumentShape = { depth: 0, nodes: 0, characters: 0 };
  walkBody(fragment, (child, depth) => {
    shape.nodes += 1;
    if (depth > shape.depth) shape.depth = depth;
    if (child instanceof Y.XmlText) shape.characters += child.length;
  });
  return shape;
}

/** Deletes every element nested deeper than the limit allows, so what is left can be read. */
export function pruneTooDeep(fragment: Y.XmlFragment) {
  const tooDeep: Y.XmlElement[] = [];
  walkBody(fragment, (child, depth) => {
    // The element itself may stand at the limit; its children may not.
    if (!(child instanceof Y.XmlElement) || depth < DOCUMENT_LIMITS.depth) return true;
    if (child.length > 0) tooDeep.push(child);
    return false;
  });
  fragment.doc?.transact(() => {
    for (const element of tooDeep) element.delete(0, element.length);
  });
}
