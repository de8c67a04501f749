import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD } from "./extensions";
import { noteSchema } from "./schema";

export type ProseMirrorJSON = Record<string, unknown>;

export interface DerivedBody {
  /** ProseMirror JSON, normalised through the schema. */
  content: ProseMirrorJSON;
  /** Plain text, blocks separated by newlines (for search and list previews). */
  text: string;
}

export function plainText(node: ProseMirrorNode): string {
  return node.textBetween(0, node.content.size, "\n", " ").trim();
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
