import { Fragment, type Mark, type Node as ProseMirrorNode, type Schema } from "@tiptap/pm/model";
import { isSuggestionMarkName, SUGGESTED_DELETION, SUGGESTED_INSERTION, type SuggestionStamp } from "./model";
import { isDeleted, stampOfMark, type SuggestContext } from "./suggest-context";

interface Range {
  from: number;
  to: number;
}

/** The inline nodes between two positions, each cut to the range. */
function inlineRanges(doc: ProseMirrorNode, from: number, to: number, keep: (node: ProseMirrorNode) => boolean): Range[] {
  const ranges: Range[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    if (keep(node)) ranges.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to) });
    return false;
  });
  return ranges;
}

/**
 * Marks `from`–`to` (in the new transaction's document) for deletion by this
 * user: their own suggested insertions really go, text already struck
 * through (by anyone) stays as it is, and everything else is struck through
 * with `stamp`. Returns where the range ends once their insertions are gone,
 * and whether anything was struck through.
 */
export function suggestDeletion(context: SuggestContext, from: number, to: number, stamp: () => SuggestionStamp): { end: number; struck: boolean } {
  const { tracked } = context;
  const schema = tracked.doc.type.schema;
  const own = inlineRanges(tracked.doc, from, to, (node) => context.mine(node, SUGGESTED_INSERTION) !== undefined);
  const strike = inlineRanges(tracked.doc, from, to, (node) => !isDeleted(node) && context.mine(node, SUGGESTED_INSERTION) === undefined);
  if (strike.length) {
    const mark = schema.marks[SUGGESTED_DELETION].create(stamp());
    for (const range of strike) tracked.addMark(range.from, range.to, mark);
  }
  const start = tracked.steps.length;
  for (const range of own.reverse()) tracked.delete(range.from, range.to);
  return { end: tracked.mapping.slice(start).map(to, -1), struck: strike.length > 0 };
}

/** The inserted content with every suggestion mark it picked up from its neighbours taken off, and this user's insertion put on. */
function asInsertion(schema: Schema, content: Fragment, stamp: SuggestionStamp): Fragment {
  const insertion = schema.marks[SUGGESTED_INSERTION].create(stamp);
  const nodes: ProseMirrorNode[] = [];
  content.forEach((node) => {
    const marks = node.marks.filter((mark: Mark) => !isSuggestionMarkName(mark.type.name));
    nodes.push(node.mark(insertion.addToSet(marks)));
  });
  return Fragment.fromArray(nodes);
}

/** The end of the run of text carrying exactly `mark`, starting at `pos`. */
function endOfRun(doc: ProseMirrorNode, pos: number, mark: Mark): number {
  let end = pos;
  for (let node = doc.resolve(end).nodeAfter; node && mark.isInSet(node.marks); node = doc.resolve(end).nodeAfter) end += node.nodeSize;
  return end;
}

/**
 * Inserts inline content at `pos` as this user's suggested insertion and
 * puts the caret after it. Typing on from one's own insertion continues it;
 * typing at either edge of one's own struck-through text becomes its
 * replacement, placed after it. Another author's suggestion is never
 * continued.
 */
export function suggestInsertion(context: SuggestContext, pos: number, content: Fragment, replacing: boolean) {
  const { tracked } = context;
  const $pos = tracked.doc.resolve(pos);
  const ownDeletionAfter = context.mine($pos.nodeAfter, SUGGESTED_DELETION);
  let at = pos;
  let stamp: SuggestionStamp;
  if (replacing) stamp = context.newStamp();
  else if (ownDeletionAfter && !context.mine($pos.nodeBefore, SUGGESTED_INSERTION)) {
    // Typing just before one's own struck text: it goes after it, as its replacement (after what replaces it already).
    at = endOfRun(tracked.doc, pos, ownDeletionAfter);
    const replacement = context.mine(tracked.doc.resolve(at).nodeAfter, SUGGESTED_INSERTION);
    const continues = replacement !== undefined && replacement.attrs.id === ownDeletionAfter.attrs.id;
    if (continues) at = endOfRun(tracked.doc, at, replacement);
    stamp = context.useStamp(stampOfMark(continues ? replacement : ownDeletionAfter));
  } else {
    const continued = context.mine($pos.nodeBefore, SUGGESTED_INSERTION) ?? context.mine($pos.nodeAfter, SUGGESTED_INSERTION) ?? context.mine($pos.nodeBefore, SUGGESTED_DELETION);
    stamp = continued ? context.useStamp(stampOfMark(continued)) : context.newStamp();
  }
  const inserted = asInsertion(tracked.doc.type.schema, content, stamp);
  tracked.insert(at, inserted);
  context.caret = at + inserted.size;
}

/**
 * A replacement of inline content inside one textblock (typing, Backspace,
 * Delete, typing over a selection, pasting a phrase), as suggestions.
 * `from`/`to` are in the new transaction's document; `caretWas` is where the
 * caret stood, to tell Backspace (caret before the struck text) from Delete
 * (caret after it).
 */
export function suggestTextReplace(context: SuggestContext, from: number, to: number, content: Fragment, caretWas: number | null) {
  const { tracked } = context;
  let end = to;
  let struck = false;
  if (from < to) {
    // One key at a time: a further Backspace or Delete next to one's own struck text extends it.
    const neighbour = content.size === 0 ? (context.mine(tracked.doc.resolve(to).nodeAfter, SUGGESTED_DELETION) ?? context.mine(tracked.doc.resolve(from).nodeBefore, SUGGESTED_DELETION)) : undefined;
    ({ end, struck } = suggestDeletion(context, from, to, () => (neighbour ? context.useStamp(stampOfMark(neighbour)) : context.newStamp())));
  }
  if (content.size > 0) {
    suggestInsertion(context, end, content, struck);
    return;
  }
  // Backspace leaves the caret before what it struck through; Delete and a deleted selection, after it.
  context.caret = caretWas === to ? from : end;
}
