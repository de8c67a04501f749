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

describe("a block's own suggestion", () => {
  const split = { id: "split-1", author: "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a", at: "2026-03-01T12:00:00.000Z", kind: "split", from: null };
  const doc = (suggestion: unknown): DocNode => ({ type: "doc", content: [{ type: "paragraph", attrs: { suggestion }, content: [{ type: "text", text: "Split off." }] }] });

  it("is left out of a block that has none, as the body was stored before suggestions existed", () => {
    expect(sanitizeContent(doc(null))).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Split off." }] }] });
  });

  it("is kept when it is one, and dropped when it is not", () => {
    expect(sanitizeContent(doc(split)).content?.[0].attrs).toEqual({ suggestion: split });
    expect(sanitizeContent(doc({ ...split, kind: "explode" })).content?.[0].attrs).toBeUndefined();
  });
});
