/**
 * A note's body as ProseMirror JSON: what derive writes to `notes.content`,
 * what editions and revisions keep, what the HTML renderer draws, what the
 * Markdown import produces and the diff marks up. One type for all of them.
 *
 * It describes a document built from the one schema (`schema.ts`). Code that
 * reads a document from outside (a stored body written before a rule
 * existed, an imported file) still checks what it finds: sanitising, the
 * measures in `limits.ts` and the renderer never trust a field's kind.
 */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: DocMark[];
  text?: string;
}

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}
