import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { CITATION_NODE, citedSentences, isUncitedParagraph } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import type { LookedUpStanding } from "@/lib/sources/lookup-wire";
import { standingWarning } from "./citation-text";

export const citationMarksKey = new PluginKey<DecorationSet>("citationMarks");

interface Options {
  /** Whether paragraphs with no citation are marked (the toolbar's toggle). */
  showUncited: () => boolean;
  /** A cited source's standing, when the register has it. */
  standingOf: (sourceId: string) => LookedUpStanding | undefined;
}

const hasCitation = (block: PMNode) => {
  let found = false;
  block.forEach((child) => (found ||= child.type.name === CITATION_NODE));
  return found;
};

/** The marks on a document: uncited paragraphs (when shown) and the passages cited to a source in question. */
export function citationDecorations(doc: PMNode, options: Options): DecorationSet {
  const decorations: Decoration[] = [];
  const showUncited = options.showUncited();
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (showUncited && node.type.name === "paragraph" && isUncitedParagraph(node.toJSON() as DocNode))
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: "uncited-paragraph", "data-uncited": "true" }));
    if (hasCitation(node)) {
      for (const { citation, from, to } of citedSentences(node.toJSON() as DocNode)) {
        const standing = options.standingOf(citation.sourceId);
        const warning = standing && standingWarning(standing);
        if (warning) decorations.push(Decoration.inline(pos + 1 + from, pos + 1 + to, { class: "passage-in-question", title: warning, "data-warning": warning }));
      }
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Marks for the writer: paragraphs that cite nothing (a toggle), and the
 * sentence before each citation of a retracted or downgraded source, the
 * same sentence the server records as what the citation supports. Drawn
 * again when the document changes or when told (`citationMarksKey` meta).
 */
export const CitationMarks = Extension.create<Options>({
  name: "citationMarks",
  addOptions: () => ({ showUncited: () => false, standingOf: () => undefined }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: citationMarksKey,
        state: {
          init: (_, state) => citationDecorations(state.doc, options),
          apply: (tr, previous, _, state) => (tr.docChanged || tr.getMeta(citationMarksKey) ? citationDecorations(state.doc, options) : previous),
        },
        props: { decorations: (state) => citationMarksKey.getState(state) },
      }),
    ];
  },
});
