import "server-only";
import { MarkdownManager } from "@tiptap/markdown";
import { documentExtensions } from "@/lib/editor/extensions";

let markdown: MarkdownManager | undefined;

/** Markdown both ways, with the one editor schema. */
export function markdownManager(): MarkdownManager {
  markdown ??= new MarkdownManager({ extensions: documentExtensions() });
  return markdown;
}
