import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD } from "./extensions";
import { MENTION_NODE } from "./mentions";
import { noteSchema } from "./schema";

export type ProseMirrorJSON = Record<string, unknown>;

export interface DerivedBody {
  /** ProseMirror JSON, normalised through the schema. */
  content: ProseMirrorJSON;
  /** Plain text, blocks separated by newlines (for search and list previews). */
  text: string;
}

// A mention reads as its label, so search and previews find the names it carries.
const leafText = (leaf: ProseMirrorNode) => (leaf.type.name === MENTION_NODE ? String(leaf.attrs.label ?? "") : " ");

export function plainText(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, "\n", leafText).trim();
}

/** Reads a note's body out of its Yjs document. */
export function deriveBody(doc: Y.Doc): DerivedBody {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), noteSchema());
  return { content: node.toJSON() as ProseMirrorJSON, text: plainText(node) };
}

/** Builds a Yjs document from ProseMirror JSON; throws if the JSON breaks the schema. */
export function yDocFromContent(content: ProseMirrorJSON): Y.Doc {
  const node = ProseMirrorNode.fromJSON(noteSchema(), content);
  node.check();
  return prosemirrorJSONToYDoc(noteSchema(), node.toJSON(), BODY_FIELD);
}
