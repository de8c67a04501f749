import type { Editor } from "@tiptap/core";
import { JUDGMENT_NODE, KEY_JUDGMENTS_NODE } from "@/lib/editor/judgments";

/** A fresh id for a judgment: its identity across edits, moves and editions. */
export const newJudgmentId = () => crypto.randomUUID();

/** Where the note's key judgments block stands (the first, should two writers have inserted one at once), or null. */
export function keyJudgmentsBlock(editor: Editor): { pos: number; size: number } | null {
  let found: { pos: number; size: number } | null = null;
  editor.state.doc.forEach((child, offset) => {
    if (!found && child.type.name === KEY_JUDGMENTS_NODE) found = { pos: offset, size: child.nodeSize };
  });
  return found;
}

/**
 * Puts the key judgments at the top of the note: inserted once, with one
 * empty judgment and the caret in it; when the note has them, the caret goes
 * to the end of the last judgment instead.
 */
export function goToKeyJudgments(editor: Editor) {
  const block = keyJudgmentsBlock(editor);
  if (block) {
    // The end of the last judgment's text: inside the block's closing tokens.
    editor.chain().focus().setTextSelection(block.pos + block.size - 2).scrollIntoView().run();
    return;
  }
  editor
    .chain()
    .focus()
    .insertContentAt(0, { type: KEY_JUDGMENTS_NODE, content: [{ type: JUDGMENT_NODE, attrs: { id: newJudgmentId() } }] })
    // Inside the block (1) and its first judgment (2).
    .setTextSelection(2)
    .scrollIntoView()
    .run();
}
