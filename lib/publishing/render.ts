import "server-only";
import type { DocNode } from "@/lib/editor/document";
import { documentToHtml, escapeHtml, type HtmlOptions } from "@/lib/editor/html";

/** A document as HTML: the same renderer as the reading view, so text is escaped and links checked. */
export function documentHtml(content: DocNode, mentionHref?: HtmlOptions["mentionHref"]): string {
  return documentToHtml(content, { mentionHref });
}

/** A page that stands alone (no scripts, its own styles), for export. */
export function standaloneHtml(title: string, subtitle: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:Georgia,"Iowan Old Style",serif;max-width:42rem;margin:3rem auto;padding:0 1.5rem;line-height:1.7;color:#1a1a1a}
h1{font-size:2rem;line-height:1.2;margin:.2rem 0 1rem}.meta{font:14px system-ui,sans-serif;color:#666;text-transform:uppercase;letter-spacing:.06em}
blockquote{border-left:3px solid #ddd;margin-left:0;padding-left:1rem;color:#444}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3rem .6rem}
.mention{font-family:system-ui,sans-serif;font-size:.9em;background:#eef3fc;padding:0 .3rem;border-radius:3px}
</style></head>
<body><p class="meta">${escapeHtml(subtitle)}</p><h1>${escapeHtml(title)}</h1>
${bodyHtml}
</body></html>
`;
}
