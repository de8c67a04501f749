import type { DocNode } from "@/lib/editor/document";
import { sanitizeContent } from "@/lib/editor/sanitize";
import { markdownManager } from "./markdown";
import { TLP_LABELS, TLP_LEVELS, type TlpLevel } from "@/lib/tradecraft/tlp";

/** The banner line an export writes at the top and the bottom ("**TLP:AMBER**"), as the level it names, or null. */
function bannerOf(line: string | undefined): TlpLevel | null {
  return TLP_LEVELS.find((level) => line?.trim() === `**${TLP_LABELS[level]}**`) ?? null;
}

interface ParsedPost {
  title: string;
  date: Date | null;
  content: DocNode;
  /** The handling marking its banner line names, where it has one (a Dossier export): the note keeps it. */
  marking: TlpLevel | null;
}

const DATE_LINE = /^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2})$/;

function parseDate(text: string): Date | null {
  const value = text.trim().replace(/^["']|["']$/g, "");
  if (!DATE_LINE.test(value)) return null;
  const date = new Date(/^\d{4}-/.test(value) ? `${value}T12:00:00Z` : `${value} 12:00:00 UTC`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Puts inline content the Markdown reader leaves straight in the document (the
 * alt text of an image standing alone, as the schema has no images) into a
 * paragraph, so the post is a valid document.
 */
function wrapLooseInline(doc: DocNode): DocNode {
  const blocks: DocNode[] = [];
  let run: DocNode[] | undefined; // the inline nodes of the paragraph being gathered
  for (const node of doc.content ?? []) {
    const inline = node.type === "text" || node.type === "hardBreak" || node.type === "mention";
    if (!inline) {
      blocks.push(node);
      run = undefined;
    } else if (run) run.push(node);
    else {
      run = [node];
      blocks.push({ type: "paragraph", content: run });
    }
  }
  return { ...doc, content: blocks };
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
  // An export's banner, at its top and its bottom, is the note's marking rather than its text.
  const marking = bannerOf(lines.find((line) => line.trim() !== ""));
  if (marking) {
    lines.splice(lines.findIndex((line) => line.trim() !== ""), 1);
    const last = lines.findLastIndex((line) => line.trim() !== "");
    if (bannerOf(lines[last]) === marking) lines.splice(last, 1);
  }
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
  // The manager builds its JSON from the one schema, so every node has a type.
  const parsed = markdownManager().parse(lines.join("\n").trim() || " ") as DocNode;
  const content = sanitizeContent(wrapLooseInline(parsed));
  return { title: title.slice(0, 200), date, content, marking };
}
