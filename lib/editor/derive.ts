import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { measureBody, pruneTooDeep } from "./body-shape";
import type { DocNode } from "./document";
import { BODY_FIELD } from "./extensions";
import { DOCUMENT_LIMITS } from "./limits";
import { CITATION_NODE } from "./citations";
import { MENTION_NODE } from "./mentions";
import { sanitizeContent } from "./sanitize";
import { isReadableElement, noteSchema } from "./schema";

export interface DerivedBody {
  /** ProseMirror JSON, normalised through the schema. */
  content: DocNode;
  /** Plain text, blocks separated by newlines (for search and list previews). */
  text: string;
}

// A mention reads as its label, so search and previews find the names it carries; a citation reads as nothing.
const leafText = (leaf: ProseMirrorNode) => (leaf.type.name === MENTION_NODE ? String(leaf.attrs.label ?? "") : leaf.type.name === CITATION_NODE ? "" : " ");

function plainText(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, "\n", leafText).trim();
}

const isReadable = (value: unknown, inBody: boolean): value is Y.XmlElement =>
  value instanceof Y.XmlElement && isReadableElement(value.nodeName, inBody ? "body" : "element");

/** Deletes what the conversion to ProseMirror cannot read: loose text or values, unknown elements. */
function dropUnreadable(body: Y.XmlFragment) {
  const stack: { parent: Y.XmlFragment | Y.XmlElement; inBody: boolean }[] = [{ parent: body, inBody: true }];
  while (stack.length > 0) {
    const { parent, inBody } = stack.pop()!;
    const children = parent.toArray() as unknown[];
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (isReadable(child, inBody)) stack.push({ parent: child, inBody: false });
      else if (!(child instanceof Y.XmlText) || inBody) parent.delete(index, 1);
    }
  }
}

function readBody(fragment: Y.XmlFragment): DerivedBody {
  const node = yXmlFragmentToProseMirrorRootNode(fragment, noteSchema());
  const content: DocNode = node.toJSON();
  return { content: sanitizeContent(content), text: plainText(node) };
}

/**
 * Reads a note's body out of its Yjs document. A note stored before updates
 * were checked may hold what the conversion cannot read, or be nested deeper
 * than its recursion can follow; it is then read from a copy without those
 * parts, so the note still renders and stores.
 */
export function deriveBody(doc: Y.Doc): DerivedBody {
  const body = doc.getXmlFragment(BODY_FIELD);
  if (measureBody(body).depth <= DOCUMENT_LIMITS.depth) {
    try {
      return readBody(body);
    } catch {
      // read from a cleaned copy below
    }
  }
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  pruneTooDeep(copy.getXmlFragment(BODY_FIELD));
  dropUnreadable(copy.getXmlFragment(BODY_FIELD));
  return readBody(copy.getXmlFragment(BODY_FIELD));
}

/** Builds a Yjs document from ProseMirror JSON; throws if the JSON breaks the schema. */
export function yDocFromContent(content: DocNode): Y.Doc {
  const node = ProseMirrorNode.fromJSON(noteSchema(), content);
  node.check();
  return prosemirrorJSONToYDoc(noteSchema(), node.toJSON(), BODY_FIELD);
}
