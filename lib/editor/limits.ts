import type { DocNode } from "./document";

/**
 * How large and how deep a note's body may be. Every reader of a document
 * (ProseMirror, y-tiptap, the HTML renderer) recurses once per level of
 * nesting, so an unbounded depth is a stack overflow waiting for a hostile
 * client; the limits are far beyond what an analyst writes (a list nested ten
 * levels inside a table is about twenty) and are checked where a document
 * enters: the update guard, the Markdown import, and the browser editor.
 */
export const DOCUMENT_LIMITS = {
  /** Nodes nested inside one another below the document (a paragraph at the top is depth 1, its text 2). */
  depth: 48,
  /** Nodes (blocks, list items, table cells, mentions, runs of text…) in one body. */
  nodes: 200_000,
  /** Characters of text in one body (a 100,000-word note has about 600,000). */
  characters: 10_000_000,
} as const;

export interface DocumentShape {
  /** The deepest element's depth, the document itself being 0. */
  depth: number;
  /** Every node below the document, text included. */
  nodes: number;
  characters: number;
}

/**
 * Measures a ProseMirror JSON document without recursion, so a hostile one
 * cannot overflow the stack; a document read from outside (an import) may
 * hold anything, so no field's kind is taken on trust.
 */
export function measureDocument(doc: DocNode): DocumentShape {
  let depth = 0;
  let nodes = 0;
  let characters = 0;
  const stack: { node: DocNode; depth: number }[] = [{ node: doc, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth: level } = stack.pop()!;
    if (level > depth) depth = level;
    if (typeof node.text === "string") characters += node.text.length;
    const children = Array.isArray(node.content) ? node.content : [];
    nodes += children.length;
    for (const child of children) if (child && typeof child === "object") stack.push({ node: child, depth: level + 1 });
  }
  return { depth, nodes, characters };
}

/** What makes a document too deep or too large, in a sentence, or null. */
export function findShapeProblem(shape: DocumentShape): string | null {
  if (shape.depth > DOCUMENT_LIMITS.depth) return `it is nested ${shape.depth} levels deep (at most ${DOCUMENT_LIMITS.depth})`;
  if (shape.nodes > DOCUMENT_LIMITS.nodes) return `it has ${shape.nodes} parts (at most ${DOCUMENT_LIMITS.nodes})`;
  if (shape.characters > DOCUMENT_LIMITS.characters) return `it has ${shape.characters} characters (at most ${DOCUMENT_LIMITS.characters})`;
  return null;
}
