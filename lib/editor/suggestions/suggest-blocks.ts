import type { Node as ProseMirrorNode, NodeType, ResolvedPos } from "@tiptap/pm/model";
import { BLOCK_SUGGESTION_ATTRIBUTE, isBlockSuggestion, RETYPABLE_BLOCKS, SUGGESTIBLE_BLOCKS, type BlockBefore, type BlockSuggestion } from "./model";
import type { SuggestContext } from "./suggest-context";
import { suggestDeletion } from "./suggest-text";

const suggestible = (node: ProseMirrorNode) => (SUGGESTIBLE_BLOCKS as readonly string[]).includes(node.type.name);
const retypable = (type: NodeType) => (RETYPABLE_BLOCKS as readonly string[]).includes(type.name);
const blockSuggestionOf = (node: ProseMirrorNode): BlockSuggestion | null => {
  const value: unknown = node.attrs[BLOCK_SUGGESTION_ATTRIBUTE];
  return isBlockSuggestion(value) ? value : null;
};

/**
 * Enter: the block is split at `pos` (in the new transaction's document), and
 * the new block carries this user's `split`, so rejecting it joins the two
 * back. It never keeps the suggestion of the block it was split from.
 */
export function suggestSplit(context: SuggestContext, pos: number, typeAfter: ProseMirrorNode): boolean {
  const { tracked } = context;
  const $pos = tracked.doc.resolve(pos);
  // A judgment split in two would need an id of its own, given by an edit that is no suggestion.
  if (!$pos.parent.isTextblock || !suggestible(typeAfter) || "id" in typeAfter.attrs) return false;
  const suggestion: BlockSuggestion = { ...context.newStamp(), kind: "split", from: null };
  tracked.split(pos, 1, [{ type: typeAfter.type, attrs: { ...typeAfter.attrs, [BLOCK_SUGGESTION_ATTRIBUTE]: suggestion } }]);
  context.caret = pos + 2;
  return true;
}

/** Whether two positions stand in sibling textblocks of one container (paragraphs of one cell or list item, say). */
export function inSiblingTextblocks($from: ResolvedPos, $to: ResolvedPos): boolean {
  const depth = $from.depth;
  if (!$from.parent.isTextblock || !$to.parent.isTextblock || $to.depth !== depth || $from.sharedDepth($to.pos) !== depth - 1) return false;
  const container = $from.node(depth - 1);
  for (let index = $from.index(depth - 1); index <= $to.index(depth - 1); index++) if (!container.child(index).isTextblock) return false;
  return true;
}

/** The positions of the textblocks whose start lies in (from, to]: those a deletion from `from` to `to` would join onto the one before. */
function joinedBlocks(doc: ProseMirrorNode, from: number, to: number): number[] {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const depth = $from.depth - 1;
  const blocks: number[] = [];
  for (let index = $from.index(depth) + 1; index <= $to.index(depth); index++) blocks.push($from.posAtIndex(index, depth));
  return blocks;
}

/**
 * A deletion across block boundaries (Backspace at the start of a block,
 * Delete at the end of one, a selection over several paragraphs): the text is
 * struck through and each block that would be joined onto the one before
 * carries this user's `join` instead. Backspace at the start of a block this
 * user split off themselves really joins it: it was their own new block.
 * A block that already carries a suggestion of another kind refuses it.
 */
export function suggestBlockDeletion(context: SuggestContext, from: number, to: number, caretWas: number | null): "suggested" | "ownSplit" | "refused" {
  const { tracked } = context;
  const blocks = joinedBlocks(tracked.doc, from, to);
  const suggestions = blocks.map((pos) => blockSuggestionOf(tracked.doc.nodeAt(pos)!));
  const noText = tracked.doc.textBetween(from, to, "") === "" && blocks.length === 1;
  if (noText && suggestions[0]?.kind === "split" && suggestions[0].author === context.author) return "ownSplit";
  if (suggestions.some((suggestion) => suggestion !== null) || blocks.some((pos) => !suggestible(tracked.doc.nodeAt(pos)!))) return "refused";
  // The block attributes first: striking text through moves nothing, but removing one's own insertions does.
  const stamp = context.newStamp();
  for (const pos of blocks) tracked.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTRIBUTE, { ...stamp, kind: "join", from: null } satisfies BlockSuggestion);
  const { end } = suggestDeletion(context, from, to, () => stamp);
  context.caret = caretWas === to ? from : end;
  return "suggested";
}

/** What makes a block the kind it is, beyond its type: these come with the new kind, the rest stay with the block. */
const KIND_ATTRIBUTES = ["level", "language"];

const blockBefore = (node: ProseMirrorNode): BlockBefore => ({
  type: node.type.name as BlockBefore["type"],
  level: node.type.name === "heading" ? Number(node.attrs.level) : null,
});

/**
 * A block turned into another kind (paragraph to heading, a heading's level,
 * a code block): the change is made and the block records what it was, so
 * rejecting turns it back. A block this user split off themselves needs no
 * record; turning one's own retyped block back to what it was drops the
 * record. A block with another author's suggestion, or a join, refuses it.
 */
export function suggestRetype(context: SuggestContext, pos: number, type: NodeType, typeAttrs: Record<string, unknown>): boolean {
  const { tracked } = context;
  const node = tracked.doc.nodeAt(pos);
  if (!node || !node.isTextblock || !retypable(node.type) || !retypable(type)) return false;
  const existing = blockSuggestionOf(node);
  if (existing && (existing.author !== context.author || existing.kind === "join")) return false;
  const after: BlockBefore = { type: type.name as BlockBefore["type"], level: type.name === "heading" ? Number(typeAttrs.level) : null };
  const from = existing?.kind === "retype" && existing.from ? existing.from : blockBefore(node);
  let suggestion: BlockSuggestion | null;
  if (existing?.kind === "split") suggestion = existing;
  else if (from.type === after.type && from.level === after.level) suggestion = null;
  else suggestion = { ...(existing ?? context.newStamp()), kind: "retype", from };
  // Attributes that are not the kind's own (the portion marking) stay with the block.
  const attrs: Record<string, unknown> = {};
  for (const key of Object.keys(type.spec.attrs ?? {})) {
    const source = KIND_ATTRIBUTES.includes(key) || !(key in node.attrs) ? typeAttrs : node.attrs;
    if (key in source) attrs[key] = source[key];
  }
  attrs[BLOCK_SUGGESTION_ATTRIBUTE] = suggestion;
  try {
    tracked.setNodeMarkup(pos, type, attrs);
  } catch {
    // Content the new kind cannot hold (formatted text in a code block): not a change that can be suggested.
    return false;
  }
  return true;
}
