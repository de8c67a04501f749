import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as prng from "lib0/prng";
import { SUGGESTED_DELETION, SUGGESTED_INSERTION } from "@/lib/editor/suggestions/model";
import { SUGGESTION_DECISION_META } from "@/lib/editor/suggestions/decision-meta";
import { listSuggestions } from "@/lib/editor/suggestions/read";
import { suggestedKey } from "@/lib/editor/suggestions/suggesting-mode";
import { resolveSuggestions } from "@/lib/editor/suggestions/resolve";
import type { headlessEditor } from "./random-edits";

/**
 * Random suggestions for the convergence fuzz: what a reviewer in Suggesting
 * mode does (insert suggested text, mark text for deletion, withdraw one of
 * their own), and what an analyst does with them (accept or reject one),
 * each as one transaction through the editor's model and binding.
 */

type HeadlessEditor = ReturnType<typeof headlessEditor>;

/** A suggestion's id from the seed, so a seed replays the same ids. */
const idFrom = (gen: prng.PRNG) => `fuzz${prng.uint32(gen, 0, 0x7fffffff).toString(36)}`;
const at = () => new Date().toISOString();

/** Textblocks whose text may carry suggestion marks (not code blocks), with where their content starts and ends. */
function markableBlocks(doc: ProseMirrorNode) {
  const insertion = doc.type.schema.marks[SUGGESTED_INSERTION];
  const blocks: { start: number; end: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (node.type.allowsMarkType(insertion)) blocks.push({ start: pos + 1, end: pos + 1 + node.content.size });
    return false;
  });
  return blocks;
}

/** Suggests `word` at a random place, as typing in Suggesting mode does. */
function suggestInsertion(gen: prng.PRNG, { editor, dispatch }: HeadlessEditor, author: string): string {
  const blocks = markableBlocks(editor.state.doc);
  if (blocks.length === 0) return "-";
  const block = prng.oneOf(gen, blocks);
  const pos = prng.int32(gen, block.start, block.end);
  const word = `${prng.word(gen, 1, 6)} `;
  const schema = editor.state.schema;
  const mark = schema.marks[SUGGESTED_INSERTION].create({ id: idFrom(gen), author, at: at() });
  dispatch(editor.state.tr.insert(pos, schema.text(word, [mark])).setMeta(suggestedKey, true));
  return `suggest inserting ${JSON.stringify(word)} at ${pos}`;
}

/**
 * Marks a random run of text for deletion, as Delete in Suggesting mode
 * does: text already proposed for deletion keeps its suggestion, and the
 * reviewer's own suggested text is left to withdrawing.
 */
function suggestDeletion(gen: prng.PRNG, { editor, dispatch }: HeadlessEditor, author: string): string {
  const blocks = markableBlocks(editor.state.doc);
  if (blocks.length === 0) return "-";
  const block = prng.oneOf(gen, blocks);
  const from = prng.int32(gen, block.start, block.end);
  const to = Math.min(from + prng.int32(gen, 1, 10), block.end);
  const schema = editor.state.schema;
  const deletion = schema.marks[SUGGESTED_DELETION];
  const mark = deletion.create({ id: idFrom(gen), author, at: at() });
  const tr = editor.state.tr;
  editor.state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const own = node.marks.some((found) => found.type.name === SUGGESTED_INSERTION && found.attrs.author === author);
    if (!own && !deletion.isInSet(node.marks)) tr.addMark(Math.max(pos, from), Math.min(pos + node.nodeSize, to), mark);
    return false;
  });
  if (!tr.docChanged) return "-";
  dispatch(tr.setMeta(suggestedKey, true));
  return `suggest deleting ${from}–${to}`;
}

/** Withdraws one of the author's own suggestions. */
function withdraw(gen: prng.PRNG, { editor, dispatch }: HeadlessEditor, author: string): string {
  const own = listSuggestions(editor.state.doc).filter((suggestion) => suggestion.author === author);
  if (own.length === 0) return "-";
  const { id } = prng.oneOf(gen, own);
  const tr = editor.state.tr;
  resolveSuggestions(tr, (stamp) => (stamp.id === id ? "reject" : null));
  // As the side panel marks a decision (components/editor/suggestions/decide-suggestions.ts).
  dispatch(tr.setMeta(SUGGESTION_DECISION_META, true));
  return `withdraw ${id}`;
}

/** One random thing a reviewer does in Suggesting mode; returns what it did, for the seed's script. */
export function randomSuggestion(gen: prng.PRNG, editor: HeadlessEditor, author: string): string {
  const roll = prng.int32(gen, 0, 9);
  if (roll < 6) return suggestInsertion(gen, editor, author);
  if (roll < 9) return suggestDeletion(gen, editor, author);
  return withdraw(gen, editor, author);
}

/** An analyst accepts or rejects a random open suggestion, as the side panel does. */
export function randomDecision(gen: prng.PRNG, { editor, dispatch }: HeadlessEditor): string {
  const open = listSuggestions(editor.state.doc);
  if (open.length === 0) return "-";
  const { id } = prng.oneOf(gen, open);
  const decision = prng.bool(gen) ? "accept" : "reject";
  const tr = editor.state.tr;
  resolveSuggestions(tr, (stamp) => (stamp.id === id ? decision : null));
  dispatch(tr.setMeta(SUGGESTION_DECISION_META, true));
  return `${decision} ${id}`;
}
