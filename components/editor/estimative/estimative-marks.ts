import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { checkEstimativeLanguage, type BlockScan, type Finding, type Suppression } from "@/lib/tradecraft/estimative-check";
import type { LikelihoodScale, LikelihoodWording } from "@/lib/tradecraft/likelihood";

export const estimativeMarksKey = new PluginKey<DecorationSet>("estimativeMarks");

/** How long typing must pause before the text is checked again; meanwhile the marks follow the edits. */
export const ESTIMATIVE_CHECK_PAUSE_MS = 250;

interface Options {
  scale: () => LikelihoodScale;
  wording: () => LikelihoodWording;
  suppressions: () => readonly Suppression[];
  /** Where the text cannot be edited, marks are reached with Tab (their explanation shows on focus). */
  focusable: () => boolean;
}

/** A finding as the marks hold it: its explanation is read back from the decoration under the caret. */
export interface MarkedFinding extends Finding {
  id: string;
}

function decorationsOf(doc: PMNode, options: Options, cache: WeakMap<PMNode, BlockScan>): DecorationSet {
  const findings = checkEstimativeLanguage(doc, { scale: options.scale(), wording: options.wording(), suppressions: options.suppressions(), cache });
  const focusable = options.focusable();
  const decorations = findings
    .filter((finding) => finding.to > finding.from)
    .map((finding) => {
      const id = `${finding.kind}:${finding.from}`;
      const setAside = finding.setAside;
      const title = setAside ? `Set aside by ${setAside.by ?? "someone"}${setAside.reason ? `: ${setAside.reason}` : ""}` : finding.message;
      return Decoration.inline(
        finding.from,
        finding.to,
        {
          class: setAside ? "estimative-set-aside" : `estimative-finding estimative-${finding.kind}`,
          "data-finding": finding.kind,
          ...(setAside ? { "data-set-aside": "true" } : {}),
          title,
          ...(focusable ? { tabindex: "0" } : {}),
        },
        { finding: { ...finding, id } satisfies MarkedFinding },
      );
    });
  return DecorationSet.create(doc, decorations);
}

/** The finding marked where `pos` stands (the innermost, where a word's finding lies inside a judgment's), or null. */
export function findingAt(state: EditorState, pos: number): MarkedFinding | null {
  const found = estimativeMarksKey.getState(state)?.find(pos, pos) ?? [];
  const inner = found.sort((a, b) => a.to - a.from - (b.to - b.from))[0];
  return (inner?.spec.finding as MarkedFinding | undefined) ?? null;
}

/**
 * Marks the findings of the estimative-language check in the text: a class
 * per kind, the explanation as a title, passages set aside drawn faint. The
 * marks are read from the document itself, so every browser on the note
 * draws the same. While someone types they follow the edit; once typing
 * pauses the text is checked again, rescanning only the blocks that changed.
 * Dispatch a transaction with this plugin's meta to check at once (the
 * passages set aside changed).
 */
export const EstimativeMarks = Extension.create<Options>({
  name: "estimativeMarks",
  addOptions: () => ({ scale: () => { throw new Error("EstimativeMarks needs the team's scale"); }, wording: () => "either", suppressions: () => [], focusable: () => false }),
  addProseMirrorPlugins() {
    const options = this.options;
    const cache = new WeakMap<PMNode, BlockScan>();
    return [
      new Plugin<DecorationSet>({
        key: estimativeMarksKey,
        state: {
          init: (_, state) => decorationsOf(state.doc, options, cache),
          apply: (tr, previous, _old, state) => {
            if (tr.getMeta(estimativeMarksKey)) return decorationsOf(state.doc, options, cache);
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: { decorations: (state) => estimativeMarksKey.getState(state) },
        view: () => {
          let pending: ReturnType<typeof setTimeout> | undefined;
          return {
            update(view, before) {
              if (view.state.doc === before.doc) return;
              clearTimeout(pending);
              pending = setTimeout(() => {
                if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(estimativeMarksKey, true).setMeta("addToHistory", false));
              }, ESTIMATIVE_CHECK_PAUSE_MS);
            },
            destroy: () => clearTimeout(pending),
          };
        },
      }),
    ];
  },
});
