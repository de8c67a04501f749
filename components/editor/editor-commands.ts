import type { Editor } from "@tiptap/core";
import { isSafeHref } from "@/lib/editor/extensions";

/**
 * What the toolbar, the slash menu and the selection's menu do, written once
 * so the three always make the same change.
 */
export const toggleBold = (e: Editor) => e.chain().focus().toggleBold().run();
export const toggleItalic = (e: Editor) => e.chain().focus().toggleItalic().run();
export const toggleStrike = (e: Editor) => e.chain().focus().toggleStrike().run();
export const toggleCode = (e: Editor) => e.chain().focus().toggleCode().run();
export const toggleHeading = (e: Editor, level: 1 | 2 | 3) => e.chain().focus().toggleHeading({ level }).run();
export const toggleBulletList = (e: Editor) => e.chain().focus().toggleBulletList().run();
export const toggleOrderedList = (e: Editor) => e.chain().focus().toggleOrderedList().run();
export const toggleBlockquote = (e: Editor) => e.chain().focus().toggleBlockquote().run();
export const toggleCallout = (e: Editor) => e.chain().focus().toggleCallout().run();
export const insertTable = (e: Editor) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run();
export const insertDivider = (e: Editor) => e.chain().focus().setHorizontalRule().run();

/** Asks for the link's address: sets it on the selection, changes the link under the caret, or removes it when left empty. */
export function editLink(e: Editor) {
  const previous = (e.getAttributes("link").href as string | undefined) ?? "";
  const href = window.prompt("Link address (leave empty to remove the link)", previous);
  if (href === null) return;
  if (href.trim() === "") e.chain().focus().extendMarkRange("link").unsetLink().run();
  else if (isSafeHref(href.trim())) e.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
  else window.alert("Links must start with http://, https:// or mailto:.");
}
