/**
 * What the update guard costs a reviewer's keystroke. Every update from a
 * suggest-only connection is tried on a copy of the note and both bodies
 * read and compared with the reviewer's suggestions rejected
 * (`findSuggestionProblem`), on top of the checks every update has
 * (`findUpdateProblem`). Timed on a 500-word and a 20,000-word note, for one
 * suggested character typed in the middle. Pure functions, no database.
 */
import type * as Y from "yjs";
import { findSuggestionProblem } from "@/lib/collab/suggestion-check";
import { findUpdateProblem } from "@/lib/collab/update-check";
import { yDocFromContent } from "@/lib/editor/derive";
import { copyOf } from "@/lib/testing/body-updates";
import { proseMirrorBody, suggest, updateByTransform } from "@/lib/testing/suggestion-updates";
import { analystProse } from "./prose";
import { report, summarise, timeRuns } from "./stats";

const RUNS = Number(process.env.BENCH_SUGGESTION_RUNS ?? 30);
const REVIEWER = "22222222-2222-4222-8222-222222222222";

/** The note, and one keystroke of a reviewer's suggestion in its middle paragraph, as their editor sends it. */
function keystrokeOn(words: number): { doc: Y.Doc; update: Uint8Array } {
  const doc = yDocFromContent(analystProse(words, [], { seed: words }));
  const body = proseMirrorBody(doc);
  const middle = body.child(Math.floor(body.childCount / 2)).textContent.slice(0, 12);
  const update = updateByTransform(copyOf(doc), suggest.insertion("bench001", REVIEWER, "x", middle));
  if (findSuggestionProblem(doc, update, REVIEWER) !== null) throw new Error("the keystroke was refused: the bench would time a refusal");
  return { doc, update };
}

export async function benchSuggestions() {
  const rows = [];
  for (const words of [500, 20_000]) {
    const { doc, update } = keystrokeOn(words);
    const document = `${words.toLocaleString("en")} words`;
    rows.push({ document, check: "every update (findUpdateProblem)", ...summarise(timeRuns(RUNS, () => findUpdateProblem(doc, update))) });
    rows.push({ document, check: "a reviewer's (findSuggestionProblem)", ...summarise(timeRuns(RUNS, () => findSuggestionProblem(doc, update, REVIEWER))) });
  }
  report("suggestions", rows, { runs: RUNS, unit: "ms" });
}
