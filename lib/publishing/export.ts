import "server-only";
import type { DocNode } from "@/lib/editor/document";
import { markdownManager } from "./markdown";
import { documentHtml, standaloneHtml } from "./render";

type ExportFormat = "md" | "html";

export const exportFormat = (value: string | null): ExportFormat | null => (value === "md" || value === "html" ? value : null);

const fileName = (title: string, extension: string) =>
  `${(title || "untitled").normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").slice(0, 80) || "untitled"}.${extension}`;

/** A note or edition as a download: Markdown (title as the first heading) or a standalone HTML page. */
export function exportResponse(format: ExportFormat, document: { title: string; subtitle: string; content: DocNode }) {
  const body =
    format === "md"
      ? `# ${document.title}\n\n_${document.subtitle}_\n\n${markdownManager().serialize(document.content)}\n`
      : standaloneHtml(document.title, document.subtitle, documentHtml(document.content));
  return new Response(body, {
    headers: {
      "Content-Type": format === "md" ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(document.title, format)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
