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

const explanation = (finding: Finding) =>
  finding.setAside ? `Set aside by ${finding.setAside.by ?? "someone"}${finding.setAside.reason ? `: ${finding.setAside.reason}` : ""}` : finding.message;

/** A judgment's own findings (no likelihood, no confidence) cover all of it: several inline marks there would merge into one. */
const isWholeJudgment = (finding: Finding) => finding.term === "" && finding.kind.startsWith("judgment-");

function decorationsOf(doc: PMNode, options: Options, cache: WeakMap<PMNode, BlockScan>): DecorationSet {
  const findings = checkEstimativeLanguage(doc, { scale: options.scale(), wording: options.wording(), suppressions: options.suppressions(), cache });
  const focusable = options.focusable();
  const decorations: Decoration[] = [];
  const judgments = new Map<number, MarkedFinding[]>();
  for (const finding of findings) {
    const marked = { ...finding, id: `${finding.kind}:${finding.from}` };
    if (isWholeJudgment(finding)) {
      judgments.set(finding.from, [...(judgments.get(finding.from) ?? []), marked]);
      continue;
    }
    decorations.push(
      Decoration.inline(
        finding.from,
        finding.to,
        {
          class: finding.setAside ? "estimative-set-aside" : `estimative-finding estimative-${finding.kind}`,
          "data-finding": finding.kind,
          ...(finding.setAside ? { "data-set-aside": "true" } : {}),
          title: explanation(finding),
          ...(focusable ? { tabindex: "0" } : {}),
        },
        { findings: [marked] },
      ),
    );
  }
  // One mark on each judgment with findings of its own, naming them all.
  for (const [from, own] of judgments) {
    const open = own.filter((finding) => !finding.setAside);
    decorations.push(
      Decoration.node(
        from - 1,
        own[0].to + 1,
        {
          class: open.map((finding) => `estimative-${finding.kind}`).join(" "),
          "data-judgment-findings": open.map((finding) => finding.kind).join(" "),
          title: own.map(explanation).join(" "),
        },
        { findings: own },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** The findings marked where `pos` stands: a word's first, then its judgment's own. */
export function findingsAt(state: EditorState, pos: number): MarkedFinding[] {
  const found = estimativeMarksKey.getState(state)?.find(pos, pos) ?? [];
  return found
    .sort((a, b) => a.to - a.from - (b.to - b.from))
    .flatMap((decoration) => (decoration.spec.findings as MarkedFinding[] | undefined) ?? []);
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
