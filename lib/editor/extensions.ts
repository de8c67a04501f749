import { mergeAttributes, Node, type AnyExtension, type NodeViewRenderer } from "@tiptap/core";
import Mention, { type MentionOptions } from "@tiptap/extension-mention";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { MENTION_TRIGGERS } from "@/lib/entity-kinds";
import { CITATION_NODE, citationFromPastedHtml } from "./citations";
import { MENTION_NODE } from "./mentions";
import { Judgment, KeyJudgments, PortionMarks } from "./tradecraft-nodes";
import { Callout } from "./callout";
import { suggestionExtensions } from "./suggestions/extensions";
import { WholeCharacters } from "./whole-characters";
import { NoteTable } from "./table";

/** The Yjs XML fragment that holds a note's body. */
export const BODY_FIELD = "default";

/** Schemes a link may use; anything else (javascript:, data:, …) is refused by the schema. */
const SAFE_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export function isSafeHref(href: string): boolean {
  try {
    const url = new URL(href, "https://relative.invalid/");
    return SAFE_LINK_PROTOCOLS.some((protocol) => url.protocol === `${protocol}:`);
  } catch {
    return false;
  }
}

/**
 * The one editor schema. The browser editor, the server's derivations and
 * validation all build from this list, so each can read any document.
 * Editor-only behaviour (collaboration, carets, placeholder) is added by the
 * editor component on top of it.
 */
interface EditorOnlyOptions {
  /** The @ and # pickers (browser only). */
  mentionSuggestions?: MentionOptions["suggestions"];
  /** How the browser draws a mention chip (with the entity's current name). */
  mentionNodeView?: NodeViewRenderer;
  /** How the browser draws a citation (its number, and the source's grade on hover). */
  citationNodeView?: NodeViewRenderer;
  /** How the browser draws the key judgments block and each judgment (confidence, assumptions, likelihood read from the sentence). */
  keyJudgmentsNodeView?: NodeViewRenderer;
  judgmentNodeView?: NodeViewRenderer;
}

/** A plain attribute: kept in the document as is, not read from or written to HTML (citations are drawn by their renderers). */
const kept = (defaultValue: unknown) => ({ default: defaultValue, rendered: false, parseHTML: () => defaultValue });

/**
 * A citation of a source (lib/editor/citations.ts): an inline atom after the
 * passage it supports. Its text is empty, so search and previews read the
 * prose without it.
 */
export const Citation = Node.create<{ nodeView?: NodeViewRenderer }>({
  name: CITATION_NODE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addOptions: () => ({ nodeView: undefined }),
  addAttributes: () => ({ id: kept(null), sourceId: kept(null), credibility: kept("6"), locator: kept(""), obtainedOn: kept(null) }),
  // Pasted from another note, a citation keeps what it cites.
  parseHTML: () => [
    {
      tag: `sup[data-type="${CITATION_NODE}"]`,
      getAttrs: (element) => citationFromPastedHtml((element as HTMLElement).getAttribute("data-citation")),
    },
  ],
  renderHTML: ({ node }) => ["sup", { "data-type": CITATION_NODE, class: "citation", "data-citation": JSON.stringify(node.attrs) }, "*"],
  renderText: () => "",
  addNodeView() {
    return this.options.nodeView ?? null;
  },
});

export function documentExtensions(options: EditorOnlyOptions = {}): AnyExtension[] {
  const mention = options.mentionNodeView ? Mention.extend({ addNodeView: () => options.mentionNodeView! }) : Mention;
  return [
    StarterKit.configure({
      // Yjs has its own undo manager; ProseMirror's history would fight it.
      undoRedo: false,
      // Added by every editor on its own, a trailing paragraph would be added once per editor; the gap cursor reaches past a last table.
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: [...SAFE_LINK_PROTOCOLS],
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
    TableKit.configure({ table: false }),
    NoteTable.configure({ resizable: false }),
    Callout,
    Citation.configure({ nodeView: options.citationNodeView }),
    KeyJudgments.configure({ nodeView: options.keyJudgmentsNodeView }),
    Judgment.configure({ nodeView: options.judgmentNodeView }),
    PortionMarks,
    WholeCharacters,
    ...suggestionExtensions(),
    mention.configure({
      // Each entity kind has its trigger (@ for actors, # for events); the chip shows the entity's label.
      suggestions: options.mentionSuggestions ?? MENTION_TRIGGERS.map((char) => ({ char })),
      renderText: ({ node }) => String(node.attrs.label ?? ""),
      renderHTML: ({ node, options: mention }) => [
        "span",
        mergeAttributes({ "data-type": MENTION_NODE, class: "mention" }, mention.HTMLAttributes, {
          "data-id": node.attrs.id,
          "data-mention-suggestion-char": node.attrs.mentionSuggestionChar,
        }),
        String(node.attrs.label ?? ""),
      ],
    }),
  ];
}
