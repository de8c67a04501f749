import type { ProseMirrorJSON } from "@/lib/editor/derive";
import { sanitizeContent } from "@/lib/editor/sanitize";
import { markdownManager } from "./markdown";

export interface ParsedPost {
  title: string;
  date: Date | null;
  content: ProseMirrorJSON;
}

const DATE_LINE = /^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})$/;

function parseDate(text: string): Date | null {
  const value = text.trim().replace(/^["']|["']$/g, "");
  if (!DATE_LINE.test(value)) return null;
  const date = new Date(/^\d{4}-/.test(value) ? `${value}T12:00:00Z` : `${value} 12:00:00 UTC`);
  return Number.isNaN(date.getTime()) ? null : date;
}

type Block = { type?: string; content?: Block[] };

/**
 * Puts inline content the Markdown reader leaves straight in the document (the
 * alt text of an image standing alone, as the schema has no images) into a
 * paragraph, so the post is a valid document.
 */
function wrapLooseInline(doc: ProseMirrorJSON): ProseMirrorJSON {
  const blocks: Block[] = [];
  for (const node of (doc as Block).content ?? []) {
    const inline = node.type === "text" || node.type === "hardBreak" || node.type === "mention";
    const last = blocks[blocks.length - 1];
    if (!inline) blocks.push(node);
    else if (last?.type === "paragraph" && (last as { loose?: boolean }).loose) last.content!.push(node);
    else blocks.push({ type: "paragraph", content: [node], loose: true } as Block);
  }
  return { ...doc, content: blocks.map(({ loose: _, ...block }: Block & { loose?: boolean }) => block) };
}

/**
 * Reads one Markdown post: optional front matter (title, date), a first
 * "# heading" as the title, and a date alone on one of the first lines
 * ("December 20, 2006") as the note's date. Raw HTML stays text; unsafe
 * links lose their link.
 */
export function parsePost(fileName: string, markdown: string): ParsedPost {
  let body = markdown.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let title = "";
  let date: Date | null = null;

  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    for (const line of front[1].split("\n")) {
      const [key, ...rest] = line.split(":");
      const value = rest.join(":").trim().replace(/^["']|["']$/g, "");
      if (key.trim() === "title") title = value;
      if (key.trim() === "date") date = parseDate(value);
    }
    body = body.slice(front[0].length);
  }
  const lines = body.split("\n");
  const firstText = lines.findIndex((line) => line.trim() !== "");
  if (!title && firstText !== -1 && /^# /.test(lines[firstText])) {
    title = lines[firstText].slice(2).trim();
    lines.splice(firstText, 1);
  }
  for (let i = 0; i < Math.min(lines.length, 6) && !date; i++) {
    const found = parseDate(lines[i]);
    if (found) {
      date = found;
      lines.splice(i, 1);
    }
  }
  title ||= fileName.replace(/\.(md|markdown|txt)$/i, "");
  const content = sanitizeContent(wrapLooseInline(markdownManager().parse(lines.join("\n").trim() || " ") as ProseMirrorJSON));
  return { title: title.slice(0, 200), date, content };
}
