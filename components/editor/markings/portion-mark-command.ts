import type { CommandProps, Editor } from "@tiptap/core";
import type { ResolvedPos } from "@tiptap/pm/model";
import { PORTION_MARKED_NODES } from "@/lib/editor/tradecraft-nodes";
import { isTlpLevel, type TlpLevel } from "@/lib/tradecraft/tlp";

const MARKED: ReadonlySet<string> = new Set(PORTION_MARKED_NODES);

/** The depth of the innermost block at a position that may carry a portion mark, or null. */
function markedDepth($pos: ResolvedPos): number | null {
  for (let depth = $pos.depth; depth > 0; depth--) if (MARKED.has($pos.node(depth).type.name)) return depth;
  return null;
}

/** The portion mark of the block at the caret: a TLP level, null for none, or undefined where no block there may carry one. */
export function portionMarkAtCaret(editor: Editor): TlpLevel | null | undefined {
  const depth = markedDepth(editor.state.selection.$from);
  if (depth === null) return undefined;
  const marking = editor.state.selection.$from.node(depth).attrs.marking;
  return isTlpLevel(marking) ? marking : null;
}

/** A TipTap command: gives the block at the caret a portion mark, or clears it with null. Fails where no block there may carry one. */
export const setPortionMark =
  (marking: TlpLevel | null) =>
  ({ state, tr, dispatch }: CommandProps): boolean => {
    const { $from } = state.selection;
    const depth = markedDepth($from);
    if (depth === null) return false;
    if (dispatch) tr.setNodeAttribute($from.before(depth), "marking", marking);
    return true;
  };
