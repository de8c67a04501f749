import * as Y from "yjs";
import type { DocNode } from "@/lib/editor/document";
import { deriveBody, yDocFromContent } from "@/lib/editor/derive";

/** What a note row stores of its body: the Yjs state, and the JSON and text derived from it. */
export interface NoteBody {
  ydoc: Uint8Array;
  content: DocNode;
  text: string;
}

/** Builds a note's stored body from ProseMirror JSON; throws if the JSON breaks the schema. */
export function noteBodyFromContent(content: DocNode): NoteBody {
  const ydoc = yDocFromContent(content);
  const { content: normalised, text } = deriveBody(ydoc);
  return { ydoc: Y.encodeStateAsUpdate(ydoc), content: normalised, text };
}
