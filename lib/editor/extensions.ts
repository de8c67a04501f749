import { mergeAttributes, type AnyExtension, type NodeViewRenderer } from "@tiptap/core";
import Mention, { type MentionOptions } from "@tiptap/extension-mention";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { MENTION_TRIGGERS } from "@/lib/entity-kinds";
import { MENTION_NODE } from "./mentions";

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
}

export function documentExtensions(options: EditorOnlyOptions = {}): AnyExtension[] {
  const mention = options.mentionNodeView ? Mention.extend({ addNodeView: () => options.mentionNodeView! }) : Mention;
  return [
    StarterKit.configure({
      // Yjs has its own undo manager; ProseMirror's history would fight it.
      undoRedo: false,
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
    TableKit.configure({ table: { resizable: false } }),
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
