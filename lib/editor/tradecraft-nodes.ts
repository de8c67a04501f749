import { Extension, Node, type NodeViewRenderer } from "@tiptap/core";
import { isTlpLevel } from "@/lib/tradecraft/tlp";
import { JUDGMENT_NODE, judgmentAttrs, KEY_JUDGMENTS_NODE } from "./judgments";
import { CALLOUT_NODE } from "./callout";

/** A plain attribute: kept in the document as is, not written to HTML by TipTap (the renderers draw it). */
const kept = (defaultValue: unknown) => ({ default: defaultValue, rendered: false, parseHTML: () => defaultValue });

/** The key judgments of a note: a block of judgment items, inserted once at the top by the editor. */
export const KeyJudgments = Node.create<{ nodeView?: NodeViewRenderer }>({
  name: KEY_JUDGMENTS_NODE,
  group: "block",
  content: `${JUDGMENT_NODE}+`,
  defining: true,
  isolating: true,
  addOptions: () => ({ nodeView: undefined }),
  parseHTML: () => [{ tag: `section[data-type="${KEY_JUDGMENTS_NODE}"]` }],
  renderHTML: () => ["section", { "data-type": KEY_JUDGMENTS_NODE, class: "key-judgments" }, 0],
  addNodeView() {
    return this.options.nodeView ?? null;
  },
});

/** One key judgment: its sentence is the node's text; confidence and assumptions are attributes (lib/editor/judgments.ts). */
export const Judgment = Node.create<{ nodeView?: NodeViewRenderer }>({
  name: JUDGMENT_NODE,
  content: "inline*",
  defining: true,
  addOptions: () => ({ nodeView: undefined }),
  addAttributes: () => ({ id: kept(null), confidence: kept(null), assumptions: kept("") }),
  // Pasted from another note, a judgment keeps its confidence and assumptions; the editor gives a copy its own id.
  parseHTML: () => [
    {
      tag: `div[data-type="${JUDGMENT_NODE}"]`,
      getAttrs: (element) => {
        try {
          return judgmentAttrs(JSON.parse((element as HTMLElement).getAttribute("data-judgment") ?? "{}") as Record<string, unknown>);
        } catch {
          return judgmentAttrs({});
        }
      },
    },
  ],
  renderHTML: ({ node }) => ["div", { "data-type": JUDGMENT_NODE, class: "judgment", "data-judgment": JSON.stringify(node.attrs) }, 0],
  addNodeView() {
    return this.options.nodeView ?? null;
  },
});

/** The blocks that may carry a portion mark of their own. */
export const PORTION_MARKED_NODES = [
  "paragraph",
  "heading",
  "blockquote",
  CALLOUT_NODE,
  "bulletList",
  "orderedList",
  "listItem",
  "codeBlock",
  "table",
  KEY_JUDGMENTS_NODE,
  JUDGMENT_NODE,
] as const;

/**
 * A portion mark: the handling marking (TLP, lib/tradecraft/tlp.ts) of one
 * block, null when it has none. The note's banner is the highest of its own
 * marking and these.
 */
export const PortionMarks = Extension.create({
  name: "portionMarks",
  addGlobalAttributes: () => [
    {
      types: [...PORTION_MARKED_NODES],
      attributes: {
        marking: {
          default: null,
          parseHTML: (element) => {
            const value = element.getAttribute("data-marking");
            return isTlpLevel(value) ? value : null;
          },
          renderHTML: (attributes) => (isTlpLevel(attributes.marking) ? { "data-marking": attributes.marking } : {}),
        },
      },
    },
  ],
});
