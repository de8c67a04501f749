import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";

/** The Yjs XML fragment that holds a note's body. */
export const BODY_FIELD = "default";

/** Schemes a link may use; anything else (javascript:, data:, …) is refused by the schema. */
export const SAFE_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

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
export function documentExtensions(): AnyExtension[] {
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
  ];
}
