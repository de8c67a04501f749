import "server-only";
import { randomBytes } from "node:crypto";
import { CITATION_NODE, citationAttrs } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { markdownManager } from "./markdown";

/** Letters only, so a number written after it cannot be mistaken for part of it. */
const marker = () => `cite${[...randomBytes(12)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

/**
 * A document as Markdown with its citations as footnote references (`[^1]`),
 * numbered in document order as the endnotes are: only citations of
 * `citedSources` take a number; any other is left out. Each becomes a word
 * no text can contain before serialising, and its reference after, so the
 * serialiser's escaping never touches the reference.
 */
export function documentMarkdown(content: DocNode, citedSources: ReadonlySet<string>): string {
  const token = marker();
  let count = 0;
  const withReferences = (node: DocNode): DocNode => {
    if (!node.content) return node;
    const content: DocNode[] = [];
    for (const child of node.content) {
      if (child.type !== CITATION_NODE) content.push(withReferences(child));
      else {
        const citation = citationAttrs(child.attrs);
        if (citation && citedSources.has(citation.sourceId)) content.push({ type: "text", text: `${token}${++count}${token}` });
      }
    }
    return { ...node, content };
  };
  const markdown = markdownManager().serialize(withReferences(content));
  return markdown.replace(new RegExp(`${token}(\\d+)${token}`, "g"), "[^$1]");
}
