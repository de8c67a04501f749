import type { NodeViewRenderer } from "@tiptap/core";
import { entityKind, entityPath, mentionKind } from "@/lib/entity-kinds";
import type { EntityDirectory } from "./entity-directory";

/**
 * A mention drawn as a link to the entity's page, with the entity's current
 * name (so a rename shows at once); the stored label is the fallback for an
 * entity this editor does not know.
 */
export function mentionChip(team: string, directory: EntityDirectory): NodeViewRenderer {
  return ({ node }) => {
    const id = String(node.attrs.id ?? "");
    const entry = directory.get(id);
    const kind = entry?.kind ?? mentionKind(node.attrs.mentionSuggestionChar);
    const dom = document.createElement(entry ? "a" : "span");
    dom.className = `mention ${entityKind(kind).chipClass}${entry ? "" : " mention-unknown"}`;
    dom.dataset.type = "mention";
    dom.dataset.id = id;
    dom.textContent = entry?.name ?? String(node.attrs.label ?? "");
    dom.contentEditable = "false";
    if (entry && dom instanceof HTMLAnchorElement) {
      dom.href = entityPath(team, { kind, id });
      // Links inside an editable area do not follow clicks by themselves.
      dom.addEventListener("click", (event) => {
        event.preventDefault();
        window.location.assign(dom.href);
      });
    }
    return { dom };
  };
}
