import { describe, expect, it } from "vitest";
import { isUncitedParagraph } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { citation } from "@/lib/testing/factories";
import type { SourceStanding } from "./standing";
import { sourcingReport, type ReportedSource } from "./sourcing-report";

const WIRE = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const RUMOUR = "5c8d1e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f";
const BLOG = "9a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c6d";
const THEIRS = "7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a";

const text = (value: string): DocNode => ({ type: "text", text: value });
const paragraph = (...content: (string | DocNode)[]): DocNode => ({ type: "paragraph", content: content.map((part) => (typeof part === "string" ? text(part) : part)) });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const sound: SourceStanding = { state: "sound" };

const sources = (entries: Record<string, Partial<ReportedSource> & Pick<ReportedSource, "reliability">>) =>
  new Map(Object.entries(entries).map(([id, source]) => [id, { title: id, standing: sound, ...source }]));

describe("an uncited paragraph", () => {
  it.each<[string, DocNode, boolean]>([
    ["a paragraph of text is uncited", paragraph("The convoy left."), true],
    ["a paragraph with a citation", paragraph("The convoy left.", citation(WIRE)), false],
    ["a paragraph of a mention alone", paragraph({ type: "mention", attrs: { id: WIRE, label: "Iran", mentionSuggestionChar: "@" } }), true],
    ["an empty paragraph", paragraph(), false],
    ["a paragraph of spaces", paragraph("   \u00a0 "), false],
    ["a heading", { type: "heading", attrs: { level: 2 }, content: [text("Background")] }, false],
    ["a code block", { type: "codeBlock", content: [text("select 1;")] }, false],
  ])("%s", (_, node, uncited) => {
    expect(isUncitedParagraph(node)).toBe(uncited);
  });
});

describe("the sourcing report of the publish panel", () => {
  it("counts the paragraphs of text and those citing nothing, wherever they stand; headings and code are not counted", () => {
    const report = sourcingReport(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Background")] },
        paragraph("Cited.", citation(WIRE, { credibility: "2" })),
        paragraph("Not cited."),
        paragraph(" "),
        { type: "codeBlock", content: [text("raw data")] },
        { type: "bulletList", content: [{ type: "listItem", content: [paragraph("A list item, not cited.")] }] },
        { type: "blockquote", content: [paragraph("Quoted.", citation(WIRE, { credibility: "3" }))] },
      ),
      sources({ [WIRE]: { reliability: "B", title: "Wire report" } }),
    );
    expect(report).toMatchObject({ paragraphs: 4, uncited: 2, weak: 0, lowestWeakGrade: null, warnings: [] });
    expect(report.citations.map(({ ordinal, title, reliability, credibility }) => [ordinal, title, `${reliability}${credibility}`])).toEqual([
      [1, "Wire report", "B2"],
      [2, "Wire report", "B3"],
    ]);
  });

  it("warns of paragraphs resting only on weak sources, with the lowest grade pair cited there", () => {
    const report = sourcingReport(
      doc(
        paragraph("Rumour has it.", citation(RUMOUR, { credibility: "2" })),
        paragraph("A blog says so.", citation(BLOG, { credibility: "5" }), citation(RUMOUR, { credibility: "3" })),
        // One sound citation is enough: this paragraph does not rest only on weak sources.
        paragraph("The wire confirms it.", citation(WIRE, { credibility: "1" }), citation(RUMOUR, { credibility: "6" })),
      ),
      sources({ [WIRE]: { reliability: "A" }, [RUMOUR]: { reliability: "E" }, [BLOG]: { reliability: "C" } }),
    );
    expect(report.weak).toBe(2);
    expect(report.lowestWeakGrade).toBe("E3");
    expect(report.warnings).toEqual(["2 paragraphs rest only on weak sources (reliability E or F, or credibility 5 or 6); the lowest cited is E3."]);
  });

  it("warns of cited sources retracted or downgraded, once each", () => {
    const report = sourcingReport(
      doc(paragraph("One.", citation(WIRE), citation(RUMOUR)), paragraph("Two.", citation(WIRE))),
      sources({
        [WIRE]: { reliability: "B", title: "Wire report", standing: { state: "retracted", at: new Date(), reason: "Fabricated." } },
        [RUMOUR]: { reliability: "D", title: "Café talk", standing: { state: "downgraded", from: "B", to: "D", at: new Date(), reason: "Wrong twice." } },
      }),
    );
    expect(report.retracted).toEqual(["Wire report"]);
    expect(report.warnings).toEqual(["A source cited here has been retracted: Wire report.", "A source cited here has been downgraded: Café talk."]);
  });

  it("does not count a citation of a source not the team's, nor number it", () => {
    const report = sourcingReport(doc(paragraph("Theirs.", citation(THEIRS, { credibility: "6" })), paragraph("Ours.", citation(WIRE))), sources({ [WIRE]: { reliability: "B" } }));
    expect(report.citations.map((c) => [c.ordinal, c.sourceId])).toEqual([[1, WIRE]]);
    expect(report.weak).toBe(0);
  });

  it("reports an empty note as nothing to count", () => {
    expect(sourcingReport(doc(paragraph()), new Map())).toEqual({ paragraphs: 0, uncited: 0, citations: [], weak: 0, lowestWeakGrade: null, retracted: [], downgraded: [], warnings: [] });
  });
});
