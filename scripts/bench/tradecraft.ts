/**
 * What the tradecraft checks cost on the documents that cost most. The
 * estimative check runs in every editor after a pause in typing and on the
 * publisher's page; derivation of judgments and the banner on every store;
 * pairing on the publisher's page and at publication. Timed on a long note
 * (2,000 paragraphs of some 60 words, half of them with a likelihood word,
 * a confidence phrase or "May" the month) beside the citations' derivation
 * of the same note (the reference, in the same run), and on 200 judgments
 * every one of which has a new id (the pairing's worst case: each compared
 * by its words with each of the edition before's). Pure functions, no database.
 */
import { Node } from "@tiptap/pm/model";
import { extractCitations } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { extractJudgments } from "@/lib/editor/judgments";
import { bannerMarking } from "@/lib/editor/portion-marks";
import { noteSchema } from "@/lib/editor/schema";
import { pairJudgments, type StatedJudgment } from "@/lib/judgments/pairing";
import { checkEstimativeLanguage } from "@/lib/tradecraft/estimative-check";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { report, summarise, timeRuns } from "./stats";

const RUNS = Number(process.env.BENCH_TRADECRAFT_RUNS ?? 20);
const SOURCE = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const scale = LIKELIHOOD_SCALES.icd203;
const sentences = [
  "The convoy crossed the river before dawn and officials said it probably carried fuel for the northern depots. ",
  "We assess with high confidence that the council will likely vote in May 2007 on a narrower text. ",
  "Diplomats said a deal was a realistic possibility, though the talks may well stall again. ",
  "Satellite images show new work at the site and the vehicles near the northern portal. ",
];
const citation = (i: number): DocNode => ({ type: "citation", attrs: { id: `c${i}`, sourceId: SOURCE, credibility: "2", locator: "", obtainedOn: null } });

const longNote: DocNode = {
  type: "doc",
  content: [
    {
      type: "keyJudgments",
      content: Array.from({ length: 20 }, (_, i) => ({ type: "judgment", attrs: { id: `k${i}`, confidence: i % 3 ? "moderate" : null, assumptions: "" }, content: [{ type: "text", text: `Pyongyang could very likely test again before round ${i}.` }] })),
    },
    ...Array.from({ length: 2_000 }, (_, i) => ({
      type: "paragraph",
      attrs: i % 50 === 0 ? { marking: "amber" } : undefined,
      content: [{ type: "text", text: sentences[i % 4] + sentences[(i + 1) % 4] + sentences[(i + 2) % 4] }, citation(i)],
    })),
  ],
};
const longNode = Node.fromJSON(noteSchema(), longNote);

const judged = (prefix: string, count: number): StatedJudgment[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `${prefix}${i}`,
    text: `North Korea will likely conduct test number ${i} of its programme before the ${i % 7} party congress.`,
    likelihoodRank: 5,
    likelihoodTerm: "likely",
    confidence: "moderate",
  }));
const [before, after] = [judged("a", 200), judged("b", 200)];
// A hostile size: the words are compared for at most 40,000 pairs, so this costs about what 200 does.
const [manyBefore, manyAfter] = [judged("a", 2_000), judged("b", 2_000)];


export async function benchTradecraft() {
  const note = "2,000 paragraphs + 20 judgments, 120,000 words";
  const rows = [
    { document: note, pass: "citations (reference)", ...summarise(timeRuns(RUNS, () => extractCitations(longNote))) },
    { document: note, pass: "estimative check, every block", ...summarise(timeRuns(RUNS, () => checkEstimativeLanguage(longNode, { scale, wording: "either" }))) },
    { document: note, pass: "judgments", ...summarise(timeRuns(RUNS, () => extractJudgments(longNote, scale))) },
    { document: note, pass: "banner", ...summarise(timeRuns(RUNS, () => bannerMarking("clear", longNote))) },
    { document: "200 judgments, all of new ids", pass: "pairing with the edition before", ...summarise(timeRuns(RUNS, () => pairJudgments(before, after))) },
    { document: "2,000 judgments, all of new ids", pass: "pairing with the edition before", ...summarise(timeRuns(RUNS, () => pairJudgments(manyBefore, manyAfter))) },
  ];
  report("tradecraft", rows, { runs: RUNS, unit: "ms", findings: checkEstimativeLanguage(longNode, { scale, wording: "either" }).length });
}
