import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { markdownManager } from "@/lib/publishing/markdown";
import type { DocNode } from "./document";
import { documentExtensions } from "./extensions";
import { documentToHtml } from "./html";
import { highestPortionMarkedBlock } from "./portion-mark-blocks";

const paragraph = (text: string): DocNode => ({ type: "paragraph", content: [{ type: "text", text }] });
const callout = (...texts: string[]): DocNode => ({ type: "callout", content: texts.map(paragraph) });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });

describe("a callout", () => {
  it("is a node of the schema that holds paragraphs only", () => {
    const schema = getSchema(documentExtensions());
    expect(() => schema.nodeFromJSON(doc(callout("Analyst's note: the figures are provisional.")))).not.toThrow();
    const withList = doc({ type: "callout", content: [{ type: "bulletList", content: [{ type: "listItem", content: [paragraph("x")] }] }] });
    expect(() => schema.nodeFromJSON(withList).check()).toThrow();
  });

  it("is drawn as an aside on the reading pages, with its portion mark", () => {
    expect(documentToHtml(doc(paragraph("Before."), callout("Provisional <figures>.")))).toBe('<p>Before.</p><aside class="callout"><p>Provisional &lt;figures&gt;.</p></aside>');
    const marked = doc({ ...callout("Secret aside."), attrs: { marking: "red" } });
    expect(documentToHtml(marked)).toContain('<aside class="callout"><span class="portion-mark" data-marking="red">TLP:RED</span> <p>Secret aside.</p></aside>');
    expect(highestPortionMarkedBlock(marked)).toEqual({ marking: "red", block: "callout" });
  });

  it("is a GitHub note in Markdown, paragraph by paragraph", () => {
    expect(markdownManager().serialize(doc(callout("First point.", "Second *point*.")))).toBe("> [!NOTE]\n> First point.\n>\n> Second \\*point\\*.");
  });
});
