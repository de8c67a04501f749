import { isSafeHref } from "./extensions";
import type { ProseMirrorJSON } from "./derive";

type JSONNode = { type?: string; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: JSONNode[]; [key: string]: unknown };

/**
 * Drops what the schema would accept but must never reach a reader: links
 * whose address is not http(s) or mailto (javascript:, data:, …) lose their
 * link and keep their text.
 */
export function sanitizeContent(doc: ProseMirrorJSON): ProseMirrorJSON {
  const clean = (node: JSONNode): JSONNode => ({
    ...node,
    ...(node.marks ? { marks: node.marks.filter((mark) => mark.type !== "link" || isSafeHref(String(mark.attrs?.href ?? ""))) } : {}),
    ...(node.content ? { content: node.content.map(clean) } : {}),
  });
  return clean(doc as JSONNode) as ProseMirrorJSON;
}
