import { describe, expect, it } from "vitest";
import { classifyChange, likeness, pairJudgments, type StatedJudgment } from "./pairing";

const judgment = (key: string, text: string, likelihoodRank: number | null, confidence: StatedJudgment["confidence"] = "moderate"): StatedJudgment => ({
  key,
  text,
  likelihoodRank,
  likelihoodTerm: null,
  confidence,
});

const test1 = judgment("a", "North Korea will likely conduct a seventh nuclear test before the party congress.", 5);
const sanctions = judgment("b", "The Security Council is unlikely to adopt new sanctions on Pyongyang this year.", 3);
const talks = judgment("c", "Talks between the two Koreas will very likely stay frozen through the winter.", 6, "low");

const changes = (previous: StatedJudgment[], current: StatedJudgment[]) => pairJudgments(previous, current).map((p) => [p.current.key, p.change]);

describe("pairing judgments across editions", () => {
  it("finds nothing changed when the judgments are the same, in any order", () => {
    expect(changes([test1, sanctions, talks], [talks, test1, sanctions])).toEqual([
      ["c", "unchanged"],
      ["a", "unchanged"],
      ["b", "unchanged"],
    ]);
  });

  it("reads a higher step as raised and a lower one as lowered", () => {
    const raised = { ...test1, text: test1.text.replace("likely", "very likely"), likelihoodRank: 6 };
    const lowered = { ...sanctions, text: sanctions.text.replace("unlikely", "very unlikely"), likelihoodRank: 2 };
    expect(changes([test1, sanctions], [raised, lowered])).toEqual([
      ["a", "raised"],
      ["b", "lowered"],
    ]);
  });

  it("reads a likelihood that appears or disappears as raised or lowered, never as a rewording", () => {
    expect(classifyChange(judgment("a", "Talks resume.", null), judgment("a", "Talks likely resume.", 5))).toBe("raised");
    expect(classifyChange(judgment("a", "Talks likely resume.", 5), judgment("a", "Talks resume.", null))).toBe("lowered");
  });

  it("tells a change of confidence from a rewording at the same likelihood", () => {
    expect(changes([talks], [{ ...talks, confidence: "high" }])).toEqual([["c", "confidence"]]);
    expect(changes([talks], [{ ...talks, text: "Inter-Korean talks will very likely remain frozen over the winter." }])).toEqual([["c", "reworded"]]);
  });

  it("does not count case, punctuation or spacing as a rewording", () => {
    expect(changes([test1], [{ ...test1, text: `  ${test1.text.toUpperCase().replace(".", "")}  ` }])).toEqual([["a", "unchanged"]]);
  });

  it("lists a judgment the new edition drops as withdrawn, after the others, with its last words", () => {
    const paired = pairJudgments([test1, sanctions, talks], [talks, test1]);
    expect(paired.map((p) => [p.current.key, p.change])).toEqual([
      ["c", "unchanged"],
      ["a", "unchanged"],
      ["b", "withdrawn"],
    ]);
    expect(paired[2].current.text).toBe(sanctions.text);
  });

  it("lists a judgment of a new id and new words as new", () => {
    const fresh = judgment("d", "China will almost certainly abstain on any resolution that tightens the embargo.", 7);
    expect(changes([test1], [test1, fresh])).toEqual([
      ["a", "unchanged"],
      ["d", "new"],
    ]);
  });

  it("pairs a judgment pasted back under a new id with the one it was, by its words", () => {
    const pasted = { ...test1, key: "z" };
    const paired = pairJudgments([test1], [pasted]);
    expect(paired.map((p) => [p.current.key, p.change, p.previous?.key])).toEqual([["z", "unchanged", "a"]]);
  });

  it("pairs each earlier judgment once: two copies of one make one continued and one new", () => {
    const copy = { ...test1, key: "y" };
    expect(changes([test1], [test1, copy])).toEqual([
      ["a", "unchanged"],
      ["y", "new"],
    ]);
  });

  it("measures likeness as the share of words in common", () => {
    expect(likeness("talks will resume", "talks will resume")).toBe(1);
    expect(likeness("talks will resume", "sanctions are coming")).toBe(0);
    expect(likeness("a b c d", "a b c e")).toBeCloseTo(3 / 5);
  });
});
