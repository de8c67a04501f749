import { describe, expect, it } from "vitest";
import type { DocNode } from "./document";
import { sanitizeContent } from "./sanitize";
import { blockSuggestion, deleted, docOf, formatted, inserted, paragraph, plain } from "./suggestions/fixtures";

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

describe("sanitizing suggestions", () => {
  const REVIEWER = "0b6f4c52-2d6e-4c1a-9d0e-6a1f3b2c4d5e";

  it("keeps well-formed suggestion marks and a block's suggestion as they are", () => {
    const body = docOf(
      paragraph(
        [plain("Talks "), deleted("may", "sugg01", REVIEWER), inserted("will", "sugg01", REVIEWER), formatted(" resume", "sugg02", REVIEWER, "bold", "add")],
        blockSuggestion("sugg03", REVIEWER, "retype", { type: "heading", level: 2 }),
      ),
    );
    expect(sanitizeContent(body)).toEqual(body);
  });

  it("drops suggestion marks without a well-formed id, author and time, keeping their text as ordinary text", () => {
    const forged = (attrs: Record<string, unknown>) => ({ type: "text", text: "resume", marks: [{ type: "bold" }, { type: "suggestedInsertion", attrs }] });
    const body = docOf(
      paragraph([
        forged({ id: "sugg01", author: "not-a-user", at: "2026-11-30T10:00:00.000Z" }),
        forged({ id: "sugg01", author: REVIEWER, at: "yesterday" }),
        forged({ id: "<b>", author: REVIEWER, at: "2026-11-30T10:00:00.000Z" }),
        forged({ id: "sugg01", author: REVIEWER, at: "2026-11-30T10:00:00.000Z", note: "smuggled" }),
        { type: "text", text: "!", marks: [{ type: "suggestedFormat", attrs: { id: "sugg02", author: REVIEWER, at: "2026-11-30T10:00:00.000Z", format: "link", change: "add" } }] },
      ]),
    );
    const clean = sanitizeContent(body);
    expect(clean.content![0].content!.map((text) => text.marks)).toEqual([[{ type: "bold" }], [{ type: "bold" }], [{ type: "bold" }], [{ type: "bold" }], []]);
    expect(clean.content![0].content!.map((text) => text.text).join("")).toBe("resumeresumeresumeresume!");
  });

  it("leaves a block's suggestion out when it has none or a malformed one, as it leaves out a missing portion mark", () => {
    const none = { type: "paragraph", attrs: { suggestion: null, marking: null }, content: [plain("Plain.")] };
    const malformed = { type: "heading", attrs: { level: 2, suggestion: { id: "sugg04", author: REVIEWER, at: "2026-11-30T10:00:00.000Z", kind: "explode", from: null } }, content: [plain("Title")] };
    expect(sanitizeContent(docOf(none, malformed))).toEqual(docOf({ type: "paragraph", content: [plain("Plain.")] }, { type: "heading", attrs: { level: 2 }, content: [plain("Title")] }));
  });
});
