import { describe, expect, it } from "vitest";
import type { Endnote } from "./endnote";
import { sourceSummary } from "./source-summary";

let ordinal = 0;
const endnote = (sourceId: string, overrides: Partial<Endnote> = {}): Endnote => ({
  ordinal: ++ordinal,
  sourceId,
  sourceTitle: `Source ${sourceId}`,
  sourceKind: "media",
  originator: "",
  reliability: "B",
  credibility: "2",
  locator: "",
  obtainedOn: null,
  ...overrides,
});

describe("the source summary before the endnotes", () => {
  it("says nothing when nothing is cited: there is no endnotes section", () => {
    expect(sourceSummary([])).toBeNull();
  });

  it("counts one source cited once", () => {
    expect(sourceSummary([endnote("wire", { reliability: "B", credibility: "2" })])).toBe(
      "This brief rests on 1 source (1 media report) cited once; reliability is B, and no citation is graded below C3.",
    );
  });

  it("counts several sources by kind, the times they are cited, the spread of reliability and the citations graded below C3", () => {
    const ministry = { sourceKind: "official_statement", reliability: "A" } as const;
    const embassy = { sourceKind: "official_statement", reliability: "B" } as const;
    const informant = { sourceKind: "human", reliability: "D" } as const;
    const summary = sourceSummary([
      endnote("ministry", { ...ministry, credibility: "1" }),
      endnote("wire", { sourceKind: "media", reliability: "C", credibility: "3" }),
      endnote("ministry", { ...ministry, credibility: "2" }),
      endnote("embassy", { ...embassy, credibility: "4" }),
      endnote("informant", { ...informant, credibility: "2" }),
      endnote("informant", { ...informant, credibility: "3" }),
    ]);
    expect(summary).toBe(
      "This brief rests on 4 sources (2 official statements, 1 human source, 1 media report) cited 6 times; reliability ranges from A to D, and 3 citations are graded below C3.",
    );
  });

  it("counts a citation that cannot be judged (F or 6) as below C3, and names a draft a note", () => {
    expect(sourceSummary([endnote("a", { reliability: "F", credibility: "1" }), endnote("b", { sourceKind: "imagery", reliability: "A", credibility: "6" })], "note")).toBe(
      "This note rests on 2 sources (1 media report, 1 imagery source) cited 2 times; reliability ranges from A to F, and 2 citations are graded below C3.",
    );
  });

  it("tells apart sources no longer in the register by what their endnotes kept", () => {
    const gone = { sourceId: null, sourceKind: "document" } as const;
    expect(sourceSummary([endnote("x", { ...gone, sourceTitle: "Memo" }), endnote("x", { ...gone, sourceTitle: "Memo" }), endnote("x", { ...gone, sourceTitle: "Cable" })])).toMatch(
      /^This brief rests on 2 sources \(2 documents\) cited 3 times;/,
    );
  });
});
