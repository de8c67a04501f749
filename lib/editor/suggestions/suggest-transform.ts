/**
 * Suggesting mode: a transaction that would change the body is rewritten so
 * that it proposes the change instead, as suggestions carrying this user's
 * id and the time (model.ts). Each step of the original is read for what
 * the user meant (typing, Backspace, Enter, bold, a heading) and done again
 * on a fresh transaction the suggesting way; a step that cannot be suggested
 * drops the whole transaction, so nothing happens.
 *
 * Studied, not used: `@handlewithcare/prosemirror-suggest-changes` maps steps
 * the same way, but its marks carry no author, and it reuses and rewrites the
 * ids of neighbouring suggestions to join them up: next to another
 * reviewer's suggestion that would forge or alter theirs, which the server
 * (lib/collab/suggestion-check.ts) rightly refuses. Here only this user's own
 * suggestions are ever continued, and another author's marks are never
 * touched.
 *
 * The server accepts a reviewer's update only if rejecting that reviewer's
 * suggestions gives back the body as it was. Every rewritten transaction is
 * held to that same test before it is let through.
 */
import { Fragment, type Node as ProseMirrorNode, type ResolvedPos, type Slice } from "@tiptap/pm/model";
import { TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, AttrStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { SUGGESTION_DECISION_META } from "./decision-meta";
import { withoutSuggestionsBy } from "./resolve";
import { SuggestContext, type Suggester } from "./suggest-context";
import { inSiblingTextblocks, suggestBlockDeletion, suggestRetype, suggestSplit } from "./suggest-blocks";
import { suggestFormat } from "./suggest-format";
import { suggestTextReplace } from "./suggest-text";

export type { Suggester } from "./suggest-context";

/** Whether a transaction is one Suggesting mode leaves as it is: no change to the body, a change from elsewhere (another user, undo), or an accept or reject. */
export function leavesAlone(tr: Transaction): boolean {
  return !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || tr.getMeta(SUGGESTION_DECISION_META) !== undefined;
}

/** The inline content a slice puts inside one textblock (typed text, a pasted phrase), or null when it brings blocks of its own. */
function inlineContentOf(slice: Slice): Fragment | null {
  if (slice.openStart !== slice.openEnd) return null;
  let content = slice.content;
  for (let depth = slice.openStart; depth > 0; depth--) {
    if (content.childCount !== 1) return null;
    content = content.firstChild!.content;
  }
  let inline = true;
  content.forEach((node) => {
    inline &&= node.isInline;
  });
  return inline ? content : null;
}

/** The block a split makes after the split point (Enter), or null when the step is something else. */
function splitOff(step: ReplaceStep, $from: ResolvedPos): ProseMirrorNode | null {
  const { slice } = step;
  if (step.from !== step.to || !$from.parent.isTextblock || slice.openStart !== 1 || slice.openEnd !== 1 || slice.content.childCount !== 2) return null;
  const [before, after] = [slice.content.child(0), slice.content.child(1)];
  return before.isTextblock && after.isTextblock && before.content.size === 0 && after.content.size === 0 ? after : null;
}

type Rewrite = (step: Step, doc: ProseMirrorNode, map: (pos: number, assoc?: number) => number) => boolean;

/**
 * Rewrites `tr` (made against `state`) into a transaction of suggestions by
 * `suggester`, or returns null when it cannot be suggested and must be dropped.
 */
export function suggestChanges(tr: Transaction, state: EditorState, suggester: Suggester): Transaction | null {
  const context = new SuggestContext(state.tr, suggester);
  const { tracked } = context;
  const caretWas = state.selection.empty ? state.selection.head : null;

  const rewrite: Rewrite = (step, doc, map) => {
    if (step instanceof ReplaceStep) {
      const $from = doc.resolve(step.from);
      const $to = doc.resolve(step.to);
      const inline = inlineContentOf(step.slice);
      const caret = caretWas === null ? null : tracked.mapping.map(caretWas);
      const from = map(step.from, 1);
      const to = step.from === step.to ? from : map(step.to, -1);
      if (inline && $from.parent.isTextblock && $from.sameParent($to)) {
        suggestTextReplace(context, from, to, inline, caret);
        return true;
      }
      const typeAfter = splitOff(step, $from);
      if (typeAfter) return suggestSplit(context, from, typeAfter);
      if (step.slice.size === 0 && inSiblingTextblocks($from, $to)) {
        const outcome = suggestBlockDeletion(context, from, to, caret);
        if (outcome !== "ownSplit") return outcome === "suggested";
        // Backspace into one's own new block: it really joins, as the original step did.
        tracked.delete(from, to);
        context.caret = from;
        return true;
      }
      return false;
    }
    if (step instanceof ReplaceAroundStep) {
      const node = doc.nodeAt(step.from);
      const replacement = step.slice.content.firstChild;
      const retype =
        node?.isTextblock && replacement && step.slice.content.childCount === 1 && step.insert === 1 && step.gapFrom === step.from + 1 && step.gapTo === step.to - 1 && step.to === step.from + node.nodeSize;
      return retype ? suggestRetype(context, map(step.from, 1), replacement.type, replacement.attrs) : false;
    }
    if (step instanceof AttrStep) {
      const node = doc.nodeAt(step.pos);
      return node?.type.name === "heading" && step.attr === "level" ? suggestRetype(context, map(step.pos, 1), node.type, { ...node.attrs, level: step.value }) : false;
    }
    if (step instanceof AddMarkStep) return suggestFormat(context, map(step.from, 1), map(step.to, -1), step.mark, "add");
    if (step instanceof RemoveMarkStep) return suggestFormat(context, map(step.from, 1), map(step.to, -1), step.mark, "remove");
    return false;
  };

  for (let index = 0; index < tr.steps.length; index++) {
    // A position in the document this step was made against, in the new transaction's document.
    const back = tr.mapping.slice(0, index).invert();
    const map = (pos: number, assoc = 1) => tracked.mapping.map(back.map(pos, assoc), assoc);
    if (!rewrite(tr.steps[index], tr.docs[index], map)) return null;
  }
  if (!withoutSuggestionsBy(tracked.doc, suggester.author).eq(withoutSuggestionsBy(state.doc, suggester.author))) return null;

  finish(tr, context);
  return tracked;
}

/** What the original transaction said besides its steps: caret, stored marks, scrolling and the metadata other plugins read. */
function finish(tr: Transaction, context: SuggestContext) {
  const { tracked } = context;
  if (context.caret !== null) tracked.setSelection(TextSelection.near(tracked.doc.resolve(Math.min(context.caret, tracked.doc.content.size))));
  else if (tr.selectionSet) tracked.setSelection(tr.selection.map(tr.before, tr.mapping.invert()).map(tracked.doc, tracked.mapping));
  if (tr.storedMarksSet) tracked.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) tracked.scrollIntoView();
  for (const key of ["addToHistory", "uiEvent", "paste", "pointer", "inputType", "composition"]) {
    const value: unknown = tr.getMeta(key);
    if (value !== undefined) tracked.setMeta(key, value);
  }
}
