import { Node, type Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import type { DocNode } from "@/lib/editor/document";
import { JUDGMENT_NODE } from "@/lib/editor/judgments";
import { noteSchema } from "@/lib/editor/schema";
import { citation, judgedDoc, judgmentItem, mentionDoc, paragraphs } from "@/lib/testing/factories";
import { checkEstimativeLanguage, JUDGMENT_NODE_NAME, type BlockScan, type CheckOptions, type Finding } from "./estimative-check";
import { ESTIMATIVE_CORPUS, type CorpusCase } from "./estimative-corpus";
import { LIKELIHOOD_SCALES, type LikelihoodWording } from "./likelihood";

const { icd203, phia } = LIKELIHOOD_SCALES;
const node = (doc: DocNode): PMNode => Node.fromJSON(noteSchema(), doc);
const docOf = (c: CorpusCase) => node(c.judgment ? judgedDoc([judgmentItem(c.text, { confidence: c.judgment.confidence })]) : paragraphs(c.text));
const shown = (findings: Finding[]) => findings.map((finding) => (finding.term ? `${finding.kind} ${finding.term}` : finding.kind));

const SETTINGS: { name: string; options: Omit<CheckOptions, "suppressions">; expected: (c: CorpusCase) => string[] }[] = [
  { name: "ICD 203, either column", options: { scale: icd203, wording: "either" }, expected: (c) => c.icd203 },
  { name: "ICD 203, terms", options: { scale: icd203, wording: "terms" }, expected: (c) => c.icd203Terms ?? c.icd203 },
  { name: "ICD 203, alternatives", options: { scale: icd203, wording: "alternatives" }, expected: (c) => c.icd203Alternatives ?? c.icd203 },
  { name: "PHIA", options: { scale: phia, wording: "either" }, expected: (c) => c.phia },
];

describe("the estimative-language corpus", () => {
  it("holds at least 80 sentences, each once", () => {
    expect(ESTIMATIVE_CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(ESTIMATIVE_CORPUS.map((c) => c.text)).size).toBe(ESTIMATIVE_CORPUS.length);
  });

  for (const setting of SETTINGS) {
    describe(setting.name, () => {
      it.each(ESTIMATIVE_CORPUS.map((c) => [c.text, c] as const))("%s", (_text, c) => {
        const doc = docOf(c);
        const findings = checkEstimativeLanguage(doc, setting.options);
        expect(shown(findings)).toEqual(setting.expected(c));
        for (const finding of findings) {
          // The positions are the words' own, for the editor to mark them.
          // A word's finding quotes its sentence; a judgment's own finding, the judgment.
          const sentence = c.text.replace(/\s+/g, " ");
          if (finding.term) {
            expect(doc.textBetween(finding.from, finding.to).replace(/\s+/g, " ")).toBe(finding.term);
            expect(sentence).toContain(finding.sentence);
            expect(finding.sentence).toContain(finding.term.replace(/\s+/g, " "));
          } else {
            expect(doc.textBetween(finding.from, finding.to)).toBe(c.text);
            expect(finding.sentence).toBe(sentence);
          }
          expect(finding.message).not.toBe("");
          expect(finding.setAside).toBeNull();
        }
      });
    });
  }
});

describe("checking a whole brief", () => {
  it("flags the column of ICD 203 used less when a brief mixes both, naming both; a stated column flags the other", () => {
    const doc = node(paragraphs("A test is likely. A second is very likely.", "Sanctions are probable.", "A deal is unlikely."));
    const either = checkEstimativeLanguage(doc, { scale: icd203, wording: "either" });
    expect(shown(either)).toEqual(["mixed-columns probable"]);
    expect(either[0].message).toBe(
      "This brief writes in both columns of ICD 203: 3 of its terms (likely, very likely…) and 1 of its alternatives (probable, highly probable…). Keep to one: “likely” rather than “probable”.",
    );
    expect(shown(checkEstimativeLanguage(doc, { scale: icd203, wording: "terms" }))).toEqual(["off-scale probable"]);
    expect(checkEstimativeLanguage(doc, { scale: icd203, wording: "terms" })[0].message).toBe(
      "“probable” is one of ICD 203's alternatives (probable, highly probable…); the team writes in its terms (likely, very likely…): write “likely” (55–80%).",
    );
    expect(shown(checkEstimativeLanguage(doc, { scale: icd203, wording: "alternatives" }))).toEqual(["off-scale likely", "off-scale very likely", "off-scale unlikely"]);
    // PHIA has one column: nothing mixes, "probable" is simply not its word.
    expect(shown(checkEstimativeLanguage(doc, { scale: phia, wording: "either" }))).toEqual(["off-scale very likely", "off-scale probable"]);
  });

  it("flags the terms when they are the fewer, and on a tie the alternatives", () => {
    const fewerTerms = node(paragraphs("A test is probable.", "Sanctions are highly probable.", "A deal is likely."));
    expect(shown(checkEstimativeLanguage(fewerTerms, { scale: icd203, wording: "either" }))).toEqual(["mixed-columns likely"]);
    const tie = node(paragraphs("A test is probable.", "A deal is likely."));
    expect(shown(checkEstimativeLanguage(tie, { scale: icd203, wording: "either" }))).toEqual(["mixed-columns probable"]);
  });

  it("says what the scale would have instead of a word off it", () => {
    const [finding] = checkEstimativeLanguage(node(paragraphs("Pyongyang will probably test again before the summit.")), { scale: icd203, wording: "either" });
    expect(finding).toMatchObject({ kind: "off-scale", term: "probably", from: 16, to: 24, sentence: "Pyongyang will probably test again before the summit." });
    expect(finding.message).toBe("“probably” is not a word of the ICD 203 scale: the nearest step is “likely” (55–80%).");
    const [confidence] = checkEstimativeLanguage(node(paragraphs("We have high confidence the test is likely.")), { scale: icd203, wording: "either" });
    expect(confidence.message).toBe("“high confidence” stands in the same sentence as a likelihood (“likely”): state confidence in a sentence of its own.");
  });

  it("reads a mention as its label in the sentence quoted, and marks the words where they stand after it", () => {
    const doc = node(mentionDoc([{ id: "4f0c8a52-3d7e-4b1a-9c2f-6e8d0b1a2c3d", label: "Pyongyang" }, " will probably test.", citation("0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a"), " It is likely."]));
    const [finding] = checkEstimativeLanguage(doc, { scale: icd203, wording: "either" });
    expect(finding.sentence).toBe("Pyongyang will probably test.");
    expect(finding.from).toBe(1 + 1 + " will ".length);
    expect(doc.textBetween(finding.from, finding.to)).toBe("probably");
  });

  it("quotes a sentence of any length cut around its words", () => {
    const long = `${"the Council met again ".repeat(200)}and will probably vote ${"after the recess ".repeat(200)}`;
    const [finding] = checkEstimativeLanguage(node(paragraphs(long)), { scale: icd203, wording: "either" });
    expect(finding.term).toBe("probably");
    expect(finding.sentence.length).toBeLessThanOrEqual(1208);
    expect(finding.sentence).toContain("and will probably vote");
  });

  it("leaves a passage set aside unraised until its words change, with who set it aside and why", () => {
    const sentence = "Pyongyang will probably test again before the summit.";
    const suppressions = [{ kind: "off-scale" as const, term: "probably", sentence, by: "Ana Analyst", reason: "Quoting our own earlier brief." }];
    const [set] = checkEstimativeLanguage(node(paragraphs(sentence)), { scale: icd203, wording: "either", suppressions });
    expect(set.setAside).toEqual(suppressions[0]);
    // Another sentence with the same word, or the same sentence edited, is checked afresh.
    const edited = checkEstimativeLanguage(node(paragraphs("Pyongyang will probably test again after the summit.", sentence)), { scale: icd203, wording: "either", suppressions });
    expect(edited.map((finding) => finding.setAside?.by ?? null)).toEqual([null, "Ana Analyst"]);
    // Another kind of finding on the same words is not set aside by it.
    const other = checkEstimativeLanguage(node(paragraphs(sentence)), { scale: icd203, wording: "either", suppressions: [{ ...suppressions[0], kind: "hedge-in-judgment" }] });
    expect(other[0].setAside).toBeNull();
  });

  it("does not flag an empty judgment still being written, and reads judgments wherever they stand", () => {
    const doc = node(judgedDoc([judgmentItem("", { confidence: null }), judgmentItem("Seoul will hold the election.", { confidence: "high" })], "A test is likely."));
    expect(shown(checkEstimativeLanguage(doc, { scale: icd203, wording: "either" }))).toEqual(["judgment-without-likelihood"]);
  });

  it("scans only the blocks it has not seen when given the scans of the last check", () => {
    const cache = new WeakMap<PMNode, BlockScan>();
    const doc = node(paragraphs("A test is likely.", "Sanctions will probably stay."));
    const first = checkEstimativeLanguage(doc, { scale: icd203, wording: "either", cache });
    const kept = cache.get(doc.child(0));
    const edited = doc.replace(doc.child(0).nodeSize + 1, doc.child(0).nodeSize + 1, node(paragraphs("Yes. ")).child(0).slice(0));
    const second = checkEstimativeLanguage(edited, { scale: icd203, wording: "either", cache });
    expect(cache.get(edited.child(0))).toBe(kept);
    expect(shown(second)).toEqual(shown(first));
    expect(second[0].from).toBe(first[0].from + 5);
  });

  it("names judgments by the editor schema's node", () => {
    expect(JUDGMENT_NODE_NAME).toBe(JUDGMENT_NODE);
  });
});

describe("the wordings of every scale", () => {
  it.each(Object.values(LIKELIHOOD_SCALES).flatMap((scale) => scale.steps.flatMap((step) => [...step.terms, ...step.alternatives].map((term) => [scale.id, term] as const))))(
    "%s: “%s” is read as that scale's own word",
    (id, term) => {
      const scale = LIKELIHOOD_SCALES[id];
      const wording: LikelihoodWording = "either";
      const predicate = term === "remote" ? "The chance is remote." : `A test is ${term}.`;
      expect(checkEstimativeLanguage(node(paragraphs(predicate)), { scale, wording })).toEqual([]);
    },
  );
});
