import { documentToHtml, type HtmlOptions, type JSONNode } from "@/lib/editor/html";

export type { JSONNode };

/**
 * A note's document rendered on the server with no editor code. The HTML is
 * made by documentToHtml, which escapes all text and attributes.
 */
export function DocumentView({ document, className, ...options }: { document: JSONNode; className?: string } & HtmlOptions) {
  return <div className={className ?? "document"} dangerouslySetInnerHTML={{ __html: documentToHtml(document, options) }} />;
}
