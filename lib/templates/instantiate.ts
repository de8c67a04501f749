import { randomUUID } from "node:crypto";
import type { DocNode } from "@/lib/editor/document";
import { JUDGMENT_NODE } from "@/lib/editor/judgments";

/**
 * A template's body as a new note's: a copy in which every key judgment has
 * an id of its own, as the editor gives a judgment it inserts, so judgments
 * are known by their id from the note's first edition on (and two notes from
 * one template, or a note and the note its template was saved from, share none).
 */
export function noteContentFromTemplate(body: DocNode): DocNode {
  const root = structuredClone(body);
  // Without recursion, as everything that walks a body.
  const stack: DocNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === JUDGMENT_NODE) node.attrs = { ...node.attrs, id: randomUUID() };
    for (const child of node.content ?? []) stack.push(child);
  }
  return root;
}
