import { describe, expect, it } from "vitest";
import { citation, mentionDoc } from "@/lib/testing/factories";
import { citedSentences, isUncitedParagraph, numberCitations, sentenceBefore } from "./citations";
import type { DocNode } from "./document";

const S1 = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const S2 = "5c8d1e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f";
const paragraphOf = (...parts: Parameters<typeof mentionDoc>[0]) => mentionDoc(parts).content![0];

describe("numbering citations as the editor shows them", () => {
  it("numbers them in document order", () => {
    expect(numberCitations([S1, S2, S1], () => true)).toEqual([1, 2, 3]);
  });

  it("gives no number to a citation of a source the register does not have, and closes the gap", () => {
    expect(numberCitations([S1, S2, S1], (id) => id === S1)).toEqual([1, null, 2]);
  });
});

describe("which paragraphs need a citation", () => {
  it("marks a paragraph of prose with no citation", () => {
    expect(isUncitedParagraph(paragraphOf("The convoy left at dawn."))).toBe(true);
  });

  it("does not mark a paragraph that cites a source anywhere in it", () => {
    expect(isUncitedParagraph(paragraphOf("The convoy left at dawn.", citation(S1, { credibility: "2" }), " It carried fuel."))).toBe(false);
  });

  it("does not mark empty or blank paragraphs, headings or code", () => {
    const heading: DocNode = { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Outlook" }] };
    const code: DocNode = { type: "codeBlock", content: [{ type: "text", text: "select 1" }] };
    expect(isUncitedParagraph({ type: "paragraph" })).toBe(false);
    expect(isUncitedParagraph(paragraphOf("   "))).toBe(false);
    expect(isUncitedParagraph(heading)).toBe(false);
    expect(isUncitedParagraph(code)).toBe(false);
  });

  it("counts a mention as words", () => {
    expect(isUncitedParagraph(paragraphOf({ id: S1, label: "Harbour Authority" }))).toBe(true);
  });
});

describe("the sentence a citation supports, as positions in its paragraph", () => {
  const read = (block: DocNode, from: number, to: number) => {
    // Positions count a text's characters and one for each inline node; read them back the same way.
    let text = "";
    for (const child of block.content ?? []) text += child.type === "text" ? child.text : child.type === "mention" ? "\u0001" : "\u0002";
    return text.slice(from, to);
  };

  it("covers the sentence before the citation, the one the server records", () => {
    const block = paragraphOf("Talks stalled. The convoy left at dawn.", citation(S1, { credibility: "2" }), " It carried fuel", citation(S2, { credibility: "3" }));
    const found = citedSentences(block);
    expect(found.map((f) => [f.citation.sourceId, read(block, f.from, f.to)])).toEqual([
      [S1, "The convoy left at dawn."],
      [S2, "It carried fuel"],
    ]);
    expect(sentenceBefore("Talks stalled. The convoy left at dawn.", 39)).toBe("The convoy left at dawn.");
  });

  it("counts a mention inside the sentence as one position", () => {
    const block = paragraphOf("Before. Then ", { id: S2, label: "Harbour Authority" }, " spoke.", citation(S1, { credibility: "4" }));
    const [found] = citedSentences(block);
    expect(read(block, found.from, found.to)).toBe("Then \u0001 spoke.");
  });

  it("has no passage for a citation at the start of a paragraph, nor for an invalid one", () => {
    expect(citedSentences(paragraphOf(citation(S1, { credibility: "1" }), "Text after."))).toEqual([]);
    expect(citedSentences(paragraphOf("A claim.", citation(S1, { credibility: "9" })))).toEqual([]);
  });
});
