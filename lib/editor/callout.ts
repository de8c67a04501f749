import { mergeAttributes, Node } from "@tiptap/core";

export const CALLOUT_NODE = "callout";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    callout: {
      /** Wraps the blocks at the caret in a callout, or lifts them out of one. */
      toggleCallout: () => ReturnType;
    };
  }
}

/**
 * A boxed aside in the text: a note to the reader set apart from the
 * analysis ("Analyst's note: …"). Paragraphs only, so it reads the same in
 * the editor, the reading view and Markdown, where it is a GitHub note
 * (`> [!NOTE]`).
 */
export const Callout = Node.create({
  name: CALLOUT_NODE,
  group: "block",
  content: "paragraph+",
  defining: true,
  parseHTML: () => [{ tag: `aside[data-type="${CALLOUT_NODE}"]` }],
  renderHTML: ({ HTMLAttributes }) => ["aside", mergeAttributes({ "data-type": CALLOUT_NODE, class: "callout" }, HTMLAttributes), 0],
  renderMarkdown: (node, helpers) => {
    const paragraphs = (node.content ?? []).map((child) => helpers.renderChildren([child]));
    return ["[!NOTE]", ...paragraphs.flatMap((text, index) => [...(index > 0 ? [""] : []), ...text.split("\n")])].map((line) => (line.trim() ? `> ${line}` : ">")).join("\n");
  },
  addCommands() {
    return {
      toggleCallout:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    };
  },
});
