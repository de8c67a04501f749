import type { DocNode } from "@/lib/editor/document";
import { documentToHtml, type HtmlOptions } from "@/lib/editor/html";

/**
 * A note's document rendered on the server with no editor code. The HTML is
 * made by documentToHtml, which escapes all text and attributes.
 */
export function DocumentView({ document, className, ...options }: { document: DocNode; className?: string } & HtmlOptions) {
  return <div className={className ?? "document"} dangerouslySetInnerHTML={{ __html: documentToHtml(document, options) }} />;
}
