import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";
import { AT } from "@/lib/editor/suggestions/fixtures";
import { BLOCK_SUGGESTION_ATTRIBUTE, SUGGESTED_DELETION, SUGGESTED_FORMAT, SUGGESTED_INSERTION, type SuggestibleFormat } from "@/lib/editor/suggestions/model";
import { resolveSuggestions, type Decision } from "@/lib/editor/suggestions/resolve";

/**
 * Updates to a note's body made as the editor makes them: a ProseMirror
 * transform on the body as a replica holds it, written back to Yjs by the
 * binding the editor uses (updateYFragment), so marks land as y-tiptap
 * stores them (an overlapping mark under "name--hash").
 */

/** The body of `doc` as the editor reads it. */
export const proseMirrorBody = (doc: Y.Doc): ProseMirrorNode => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), noteSchema());

/** The update a change to `doc`'s body, made on its ProseMirror document, produces; `doc` is changed too. */
export function updateByTransform(doc: Y.Doc, change: (tr: Transform) => void): Uint8Array {
  const tr = new Transform(proseMirrorBody(doc));
  change(tr);
  const before = Y.encodeStateVector(doc);
  const body = doc.getXmlFragment(BODY_FIELD);
  updateYFragment(doc, body, tr.doc, { mapping: new Map(), isOMark: new Map() });
  return Y.encodeStateAsUpdate(doc, before);
}

/** Where `text` starts in the body (the first time it occurs), as a ProseMirror position. */
export function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return true;
  });
  if (found < 0) throw new Error(`“${text}” is not in the body`);
  return found;
}

const schema = () => noteSchema();
const stamp = (id: string, author: string) => ({ id, author, at: AT });

/** Suggestion edits by `author`, as Suggesting mode makes them. Each takes the suggestion's id. */
export const suggest = {
  insertion: (id: string, author: string, text: string, before: string) => (tr: Transform) => {
    tr.insert(positionOf(tr.doc, before), schema().text(text, [schema().marks[SUGGESTED_INSERTION].create(stamp(id, author))]));
  },
  deletion: (id: string, author: string, text: string) => (tr: Transform) => {
    const from = positionOf(tr.doc, text);
    tr.addMark(from, from + text.length, schema().marks[SUGGESTED_DELETION].create(stamp(id, author)));
  },
  replacement: (id: string, author: string, text: string, by: string) => (tr: Transform) => {
    const from = positionOf(tr.doc, text);
    tr.addMark(from, from + text.length, schema().marks[SUGGESTED_DELETION].create(stamp(id, author)));
    tr.insert(from + text.length, schema().text(by, [schema().marks[SUGGESTED_INSERTION].create(stamp(id, author))]));
  },
  format: (id: string, author: string, text: string, format: SuggestibleFormat) => (tr: Transform) => {
    const from = positionOf(tr.doc, text);
    tr.addMark(from, from + text.length, schema().marks[format].create());
    tr.addMark(from, from + text.length, schema().marks[SUGGESTED_FORMAT].create({ ...stamp(id, author), format, change: "add" }));
  },
  /** A new paragraph starting at `text`, split off the one it was in. */
  split: (id: string, author: string, text: string) => (tr: Transform) => {
    const at = positionOf(tr.doc, text);
    tr.split(at);
    tr.setNodeAttribute(at + 1, BLOCK_SUGGESTION_ATTRIBUTE, { ...stamp(id, author), kind: "split", from: null });
  },
};

/** Plain text typed before `before` (or after `where.after`), as Editing mode writes it. */
export const write = (text: string, where: string | { after: string }) => (tr: Transform) => {
  const at = typeof where === "string" ? positionOf(tr.doc, where) : positionOf(tr.doc, where.after) + where.after.length;
  tr.insert(at, schema().text(text));
};

/** Accepts or rejects the suggestion with this id, as the side panel does. */
export const decide = (id: string, decision: Decision) => (tr: Transform) => {
  resolveSuggestions(tr, (found) => (found.id === id ? decision : null));
};
