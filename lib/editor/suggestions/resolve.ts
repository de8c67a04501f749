import type { Mark, Node as ProseMirrorNode, ResolvedPos } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import {
  BLOCK_SUGGESTION_ATTRIBUTE,
  isBlockSuggestion,
  isFormatSuggestion,
  isSuggestionStamp,
  SUGGESTED_DELETION,
  SUGGESTED_FORMAT,
  SUGGESTED_INSERTION,
  type SuggestionStamp,
} from "./model";

export type Decision = "accept" | "reject";
/** Which suggestions to decide, and how: null leaves one as it is. */
export type Decide = (stamp: SuggestionStamp) => Decision | null;

interface InlinePart {
  from: number;
  to: number;
  mark: Mark;
  decision: Decision;
}

interface BlockPart {
  pos: number;
  node: ProseMirrorNode;
  decision: Decision;
}

/** Whether the text of the textblock at `$end`'s side can be joined onto the one at `$start` without crossing a table cell or a key judgments block. */
function joinable($previousEnd: ResolvedPos, $start: ResolvedPos): boolean {
  const shared = $previousEnd.sharedDepth($start.pos);
  for (const $pos of [$previousEnd, $start])
    for (let depth = shared + 1; depth < $pos.depth; depth++) {
      const spec = $pos.node(depth).type.spec;
      if (spec.isolating || spec.tableRole) return false;
    }
  return true;
}

/** The end of the content of the last textblock before `pos`, or null when there is none. */
function previousTextblockEnd(doc: ProseMirrorNode, pos: number): number | null {
  let end: number | null = null;
  doc.nodesBetween(0, pos, (node, nodePos) => {
    if (nodePos >= pos) return false;
    if (node.isTextblock) {
      if (nodePos + node.nodeSize <= pos) end = nodePos + node.nodeSize - 1;
      return false;
    }
    return true;
  });
  return end;
}

/**
 * Joins the textblock starting at `pos` onto the textblock before it, as
 * Backspace at its start would: its text moves to the end of the one before.
 * Where no block can take it, an empty block goes and any other stays.
 */
function joinBackward(tr: Transform, pos: number) {
  const block = tr.doc.nodeAt(pos);
  if (!block) return;
  const previousEnd = previousTextblockEnd(tr.doc, pos);
  if (previousEnd !== null && joinable(tr.doc.resolve(previousEnd), tr.doc.resolve(pos + 1))) tr.delete(previousEnd, pos + 1);
  else if (block.content.size === 0) tr.delete(pos, pos + block.nodeSize);
}

/**
 * Accepts or rejects suggestions, as one set of steps on `tr` (one undoable
 * edit in the browser; the same function on the server checks a reviewer's
 * update by rejecting their suggestions).
 *
 * Accepting keeps inserted text, deletes text marked for deletion, keeps a
 * format and a block's new kind, and joins a block proposed to be joined.
 * Rejecting does the opposite. Either way the suggestion's marks and
 * attributes go.
 */
export function resolveSuggestions(tr: Transform, decide: Decide): Transform {
  const doc = tr.doc;
  const inline: InlinePart[] = [];
  const blocks: BlockPart[] = [];
  doc.descendants((node, pos) => {
    const blockSuggestion = node.attrs[BLOCK_SUGGESTION_ATTRIBUTE];
    if (node.isTextblock && isBlockSuggestion(blockSuggestion)) {
      const decision = decide(blockSuggestion);
      if (decision) blocks.push({ pos, node, decision });
    }
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const name = mark.type.name;
      const valid = name === SUGGESTED_FORMAT ? isFormatSuggestion(mark.attrs) : (name === SUGGESTED_INSERTION || name === SUGGESTED_DELETION) && isSuggestionStamp(mark.attrs);
      const decision = valid ? decide(mark.attrs as SuggestionStamp) : null;
      if (decision) inline.push({ from: pos, to: pos + node.nodeSize, mark, decision });
    }
    return false;
  });

  // First what moves nothing: marks and attributes, at the positions just read.
  const removals: { from: number; to: number }[] = [];
  for (const part of inline) {
    const name = part.mark.type.name;
    if (name === SUGGESTED_FORMAT) {
      const format = doc.type.schema.marks[String(part.mark.attrs.format)];
      if (format && part.decision === "reject") {
        if (part.mark.attrs.change === "add") tr.removeMark(part.from, part.to, format);
        else tr.addMark(part.from, part.to, format.create());
      }
      tr.removeMark(part.from, part.to, part.mark);
      continue;
    }
    const goes = (name === SUGGESTED_INSERTION) === (part.decision === "reject");
    if (goes) removals.push({ from: part.from, to: part.to });
    else tr.removeMark(part.from, part.to, part.mark);
  }
  const joins: number[] = [];
  for (const { pos, node, decision } of blocks) {
    const suggestion = node.attrs[BLOCK_SUGGESTION_ATTRIBUTE];
    if (suggestion.kind === "retype" && decision === "reject" && suggestion.from) {
      const before = doc.type.schema.nodes[suggestion.from.type];
      const attrs = { ...node.attrs, [BLOCK_SUGGESTION_ATTRIBUTE]: null, ...(suggestion.from.type === "heading" ? { level: suggestion.from.level } : {}) };
      if (before) tr.setNodeMarkup(pos, before, before.name === node.type.name ? attrs : pick(attrs, before.spec.attrs));
      continue;
    }
    tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTRIBUTE, null);
    if ((suggestion.kind === "split" && decision === "reject") || (suggestion.kind === "join" && decision === "accept")) joins.push(pos);
  }

  // Then what moves text, last first, each mapped through the steps before it.
  for (const { from, to } of removals.sort((a, b) => b.from - a.from)) {
    const mappedFrom = tr.mapping.map(from, 1);
    const mappedTo = tr.mapping.map(to, -1);
    if (mappedFrom < mappedTo) tr.delete(mappedFrom, mappedTo);
  }
  for (const pos of joins.sort((a, b) => b - a)) {
    const mapped = tr.mapping.mapResult(pos, 1);
    if (!mapped.deleted) joinBackward(tr, mapped.pos);
  }
  return tr;
}

const pick = (attrs: Record<string, unknown>, spec: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(attrs).filter(([key]) => spec && key in spec));

/** The document with the chosen suggestions decided. */
export function decideSuggestions(doc: ProseMirrorNode, decide: Decide): ProseMirrorNode {
  return resolveSuggestions(new Transform(doc), decide).doc;
}

/** The text as it would read with every suggestion rejected: what exports and the published text hold. */
export const withoutSuggestions = (doc: ProseMirrorNode) => decideSuggestions(doc, () => "reject");

/** The document with one person's suggestions rejected: what the update guard compares. */
export const withoutSuggestionsBy = (doc: ProseMirrorNode, author: string) => decideSuggestions(doc, (stamp) => (stamp.author === author ? "reject" : null));
