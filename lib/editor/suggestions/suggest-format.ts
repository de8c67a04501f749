import { Mark, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { SUGGESTED_FORMAT, SUGGESTED_INSERTION, SUGGESTIBLE_FORMATS, type FormatSuggestion, type SuggestibleFormat } from "./model";
import type { SuggestContext } from "./suggest-context";

/**
 * Formats a suggestion may change. Inline code is left out: it excludes every
 * other mark, suggestion marks included, so it could not be recorded.
 */
export const isSuggestibleFormat = (name: string): name is SuggestibleFormat => name !== "code" && (SUGGESTIBLE_FORMATS as readonly string[]).includes(name);

interface Change {
  from: number;
  to: number;
  node: ProseMirrorNode;
}

/**
 * Adds (or removes) a format over `from`–`to` and records it as this user's
 * format suggestion on the text whose formatting it changed. Text this user
 * suggested inserting needs no record (rejecting it removes it anyway), and
 * undoing one's own earlier format suggestion drops that record instead of
 * adding a second.
 */
export function suggestFormat(context: SuggestContext, from: number, to: number, mark: Mark, change: "add" | "remove"): boolean {
  const { tracked } = context;
  const format = mark.type.name;
  if (!isSuggestibleFormat(format)) return false;
  const changes: Change[] = [];
  tracked.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const has = mark.type.isInSet(node.marks) !== undefined;
    const changed = change === "add" ? !Mark.sameSet(mark.addToSet(node.marks), node.marks) : has;
    if (changed) changes.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), node });
    return false;
  });
  const suggestedFormat = tracked.doc.type.schema.marks[SUGGESTED_FORMAT];
  for (const { from: start, to: end, node } of changes) {
    if (change === "add") tracked.addMark(start, end, mark);
    else tracked.removeMark(start, end, mark.type);
    if (context.mine(node, SUGGESTED_INSERTION)) continue;
    const undone = context.myFormats(node).find((own) => own.attrs.format === format && own.attrs.change !== change);
    if (undone) tracked.removeMark(start, end, undone);
    else tracked.addMark(start, end, suggestedFormat.create({ ...context.newStamp(), format, change } satisfies FormatSuggestion));
  }
  return true;
}
