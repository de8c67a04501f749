import { describe, expect, it } from "vitest";
import type { DocNode } from "./document";
import { sanitizeContent } from "./sanitize";

/** A quote inside a quote inside a quote…, `depth` times, with a link at the bottom. */
function nestedQuotes(depth: number, href: string): DocNode {
  let node: DocNode = { type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href } }] }] };
  for (let level = 0; level < depth; level++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
}

/** The marks of the one text at the bottom of a nested document. */
function deepestMarks(doc: DocNode) {
  let node = doc;
  while (node.content) node = node.content[0];
  return node.marks;
}

describe("sanitizing a document", () => {
  it("cleans a document nested 100,000 levels deep without overflowing the stack", () => {
    const clean = sanitizeContent(nestedQuotes(100_000, "javascript:alert(1)"));
    expect(deepestMarks(clean)).toEqual([]);
    expect(deepestMarks(sanitizeContent(nestedQuotes(100_000, "https://example.org/")))).toEqual([{ type: "link", attrs: { href: "https://example.org/" } }]);
  });

  it("returns a copy with the same shape, leaving the original as it was", () => {
    const original = nestedQuotes(3, "javascript:alert(1)");
    const before = structuredClone(original);
    const clean = sanitizeContent(original);
    expect(original).toEqual(before);
    expect(clean).toEqual({ ...before, content: [{ type: "blockquote", content: [{ type: "blockquote", content: [{ type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [] }] }] }] }] }] });
  });
});
