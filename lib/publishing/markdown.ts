import "server-only";
import { flattenExtensions, getExtensionField } from "@tiptap/core";
import { MarkdownManager } from "@tiptap/markdown";
import { documentExtensions } from "@/lib/editor/extensions";
import { withCheapFirstLook } from "./markdown-tokenizers";

let markdown: MarkdownManager | undefined;

/** Markdown both ways, with the one editor schema. */
export function markdownManager(): MarkdownManager {
  // The kits' members rather than the kits (StarterKit, TableKit), so each tokenizer can be given its first look.
  markdown ??= new MarkdownManager({
    extensions: flattenExtensions(documentExtensions())
      .filter((extension) => !(extension.type === "extension" && getExtensionField(extension, "addExtensions")))
      .map(withCheapFirstLook),
  });
  return markdown;
}
