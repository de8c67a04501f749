import "server-only";
import { flattenExtensions, getExtensionField, type AnyExtension } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { documentExtensions } from "@/lib/editor/extensions";
import { withCheapFirstLook } from "./markdown-tokenizers";

/**
 * The editor's extensions one by one, each tokenizer given its first look:
 * the kits' members rather than the kits (StarterKit, TableKit), less what a
 * member adds itself (a list item's keymap), as the manager adds that again.
 */
function markdownExtensions(): AnyExtension[] {
  const isKit = (extension: AnyExtension) => extension.type === "extension" && Boolean(getExtensionField(extension, "addExtensions"));
  const members = flattenExtensions(documentExtensions()).filter((extension) => !isKit(extension));
  const addedByMembers = new Set(members.flatMap((member) => flattenExtensions([member]).slice(1).map((added) => added.name)));
  return members.filter((extension) => !addedByMembers.has(extension.name)).map(withCheapFirstLook);
}

let markdown: MarkdownManager | undefined;

/** Markdown both ways, with the one editor schema. */
export function markdownManager(): MarkdownManager {
  markdown ??= new MarkdownManager({ extensions: markdownExtensions() });
  return markdown;
}
