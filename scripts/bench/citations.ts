/**
 * What deriving a body's citations and mentions costs a store. Every store
 * reads both out of the body in its transaction, so they are timed on the
 * documents that cost most: a long note (2,000 paragraphs of some 60 words,
 * each with a mention and a citation) and one unbroken paragraph of 200,000
 * characters followed by 2,000 citations and 2,000 mentions (a pasted report
 * with no full stop: the sentence around each is looked for within reach,
 * never across the whole paragraph). Pure functions, no database.
 */
import { extractCitations } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { extractMentions } from "@/lib/editor/mentions";
import { report, summarise, timeRuns } from "./stats";

const RUNS = Number(process.env.BENCH_CITATION_RUNS ?? 30);
const SOURCE = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const citation = (i: number): DocNode => ({ type: "citation", attrs: { id: `c${i}`, sourceId: SOURCE, credibility: "2", locator: "p. 4", obtainedOn: null } });
const mention: DocNode = { type: "mention", attrs: { id: SOURCE, label: "Iran", mentionSuggestionChar: "@" } };
const sentence = "The convoy crossed the river before dawn and the officials said it carried fuel for the northern depots. ";

const longNote: DocNode = {
  type: "doc",
  content: Array.from({ length: 2_000 }, (_, i) => ({
    type: "paragraph",
    content: [{ type: "text", text: sentence.repeat(3) }, mention, { type: "text", text: ` said so on day ${i}.` }, citation(i)],
  })),
};
const runOn: DocNode = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "a".repeat(200_000) }, ...Array.from({ length: 2_000 }, (_, i) => [mention, citation(i)]).flat()] }],
};


export async function benchCitations() {
  const rows = [
    { document: "2,000 paragraphs, 120,000 words", pass: "citations", ...summarise(timeRuns(RUNS, () => extractCitations(longNote))) },
    { document: "2,000 paragraphs, 120,000 words", pass: "mentions", ...summarise(timeRuns(RUNS, () => extractMentions(longNote))) },
    { document: "one 200,000-character paragraph", pass: "citations", ...summarise(timeRuns(RUNS, () => extractCitations(runOn))) },
    { document: "one 200,000-character paragraph", pass: "mentions", ...summarise(timeRuns(RUNS, () => extractMentions(runOn))) },
  ];
  report("citations", rows, { runs: RUNS, unit: "ms" });
}
