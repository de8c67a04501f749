import { describe, expect, it } from "vitest";
import { judgedDoc, judgmentItem } from "@/lib/testing/factories";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { documentToHtml } from "./html";
import { bannerMarking, highestPortionMark } from "./portion-marks";
import { sanitizeContent } from "./sanitize";

describe("rendering key judgments and portion marks", () => {
  it("draws the key judgments as a numbered list, each with the likelihood its words name, its confidence and assumptions", () => {
    const html = documentToHtml(
      judgedDoc([
        judgmentItem("Pyongyang will very likely test again.", { confidence: "moderate", assumptions: "No <change> of course." }),
        judgmentItem("A deal is improbable.", { confidence: null }),
      ]),
      { likelihoodScale: LIKELIHOOD_SCALES.icd203 },
    );
    expect(html).toContain('<section class="key-judgments"><h2>Key judgments</h2><ol>');
    expect(html).toContain('<li class="judgment"><p>Pyongyang will very likely test again.</p><p class="judgment-assessment">Very likely (80–95%) · Moderate confidence</p>');
    expect(html).toContain('<p class="judgment-assumptions"><strong>Key assumptions:</strong> No &lt;change&gt; of course.</p>');
    // In the brief's own words, from either column, with the step's range.
    expect(html).toContain('<p>A deal is improbable.</p><p class="judgment-assessment">Improbable (20–45%)</p>');
  });

  it("shows no likelihood without the scale it was written in", () => {
    expect(documentToHtml(judgedDoc([judgmentItem("Talks will likely resume.", { confidence: "low" })]))).toContain('<p class="judgment-assessment">Low confidence</p>');
  });

  it("labels a marked block with its TLP mark, and ignores a mark that is no TLP level", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "paragraph", attrs: { marking: "amber+strict" }, content: [{ type: "text", text: "Restricted." }] },
        { type: "paragraph", attrs: { marking: "<script>" }, content: [{ type: "text", text: "Open." }] },
        { type: "bulletList", attrs: { marking: "red" }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Item" }] }] }] },
      ],
    };
    const html = documentToHtml(doc);
    expect(html).toContain('<p><span class="portion-mark" data-marking="amber+strict">TLP:AMBER+STRICT</span> Restricted.</p>');
    expect(html).toContain("<p>Open.</p>");
    expect(html).toContain('<span class="portion-mark" data-marking="red">TLP:RED</span> <ul>');
    expect(html).not.toContain("script");
  });

  it("takes the highest portion mark for the banner, never lower than the note's own marking", () => {
    const doc = judgedDoc([judgmentItem("x", { marking: "green" })], "Open text.");
    expect(highestPortionMark(doc)).toBe("green");
    expect(bannerMarking("clear", doc)).toBe("green");
    expect(bannerMarking("amber", doc)).toBe("amber");
    expect(highestPortionMark(judgedDoc([judgmentItem("x")]))).toBeNull();
  });

  it("cleans judgment attributes and portion marks out of bounds", () => {
    const dirty = judgedDoc([judgmentItem("x", { id: "a b c", confidence: "certain" as never, assumptions: "y".repeat(2000), marking: "purple" })]);
    const clean = sanitizeContent(dirty).content![0].content![0].attrs;
    expect(clean).toEqual({ id: null, confidence: null, assumptions: "", marking: null });
  });
});
