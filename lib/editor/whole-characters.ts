import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * No edit may cut a character in two. ProseMirror and Yjs count text in
 * UTF-16 units, so an emoji or any other astral character is two units, a
 * surrogate pair; an edit between them (typing, a deletion, a mark, a split)
 * is refused here, in every editor. Let through, Yjs would replace each half
 * with U+FFFD while this editor kept showing the halves. The server refuses
 * such updates from any other client (`lib/collab/character-check.ts`).
 */

export const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
export const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether `text` holds half of a surrogate pair without the other half. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Whether `pos` in `doc` falls between the two halves of a surrogate pair. */
export function splitsCharacter(doc: ProseMirrorNode, pos: number): boolean {
  if (pos <= 0 || pos >= doc.content.size) return false;
  const $pos = doc.resolve(pos);
  if ($pos.textOffset === 0) return false;
  const text = $pos.parent.child($pos.index()).text ?? "";
  return isHighSurrogate(text.charCodeAt($pos.textOffset - 1)) && isLowSurrogate(text.charCodeAt($pos.textOffset));
}

function sliceHasLoneSurrogate(slice: Slice): boolean {
  let found = false;
  slice.content.descendants((node) => {
    if (node.isText && hasLoneSurrogate(node.text ?? "")) found = true;
    return !found;
  });
  return found;
}

function stepCutsCharacter(step: Step, doc: ProseMirrorNode): boolean {
  const cuts = (...positions: number[]) => positions.some((pos) => splitsCharacter(doc, pos));
  if (step instanceof ReplaceAroundStep) return cuts(step.from, step.to, step.gapFrom, step.gapTo) || sliceHasLoneSurrogate(step.slice);
  if (step instanceof ReplaceStep) return cuts(step.from, step.to) || sliceHasLoneSurrogate(step.slice);
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return cuts(step.from, step.to);
  return false;
}

/** Whether a transaction cuts a character anywhere, judged step by step on the document each applies to. */
export function cutsCharacter(tr: Transaction): boolean {
  return tr.steps.some((step, index) => stepCutsCharacter(step, tr.docs[index]));
}

export const WholeCharacters = Extension.create({
  name: "wholeCharacters",
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey("wholeCharacters"),
      // What Yjs holds is drawn as it is; only local edits are judged.
      filterTransaction: (tr) => tr.getMeta(ySyncPluginKey) !== undefined || !cutsCharacter(tr),
    }),
  ],
});
