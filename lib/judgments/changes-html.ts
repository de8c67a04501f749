import { escapeHtml } from "@/lib/editor/html";
import { changeCounts, changedJudgments, changeLine, type JudgmentChangeView } from "./change-words";

/** What a withdrawn judgment says when its words were in an edition with fewer readers than this one. */
const WITHHELD = "A judgment of an edition with fewer readers than this one; its words are not repeated here.";

/**
 * "What changed in our judgments" above an edition's text: each judgment it
 * changed since the edition before, with its class, what it was and the
 * publisher's reason; withdrawn ones with their last words. Every text is
 * escaped; nothing for a first edition or one that changed none.
 */
export function judgmentChangesHtml(edition: { number: number }, judgments: readonly JudgmentChangeView[]): string {
  const changed = changedJudgments(judgments);
  if (edition.number < 2 || changed.length === 0) return "";
  const items = changed.map((judgment) => {
    const was = judgment.change === "reworded" && judgment.previousText ? `<p class="judgment-was">Was: ${escapeHtml(judgment.previousText)}</p>` : "";
    const why = judgment.rationale ? `<p class="judgment-rationale">Why: ${escapeHtml(judgment.rationale)}</p>` : "";
    return (
      `<li class="judgment-change" data-change="${judgment.change}"><p class="judgment-change-line">${escapeHtml(changeLine(judgment))}</p>` +
      `<p class="judgment-change-text">${escapeHtml(judgment.text || WITHHELD)}</p>${was}${why}</li>`
    );
  });
  return (
    `<section class="judgment-changes" aria-labelledby="judgment-changes-heading"><h2 id="judgment-changes-heading">What changed in our judgments</h2>` +
    `<p class="judgment-changes-count">Since edition ${edition.number - 1}: ${escapeHtml(changeCounts(changed) ?? "")}.</p><ul>${items.join("")}</ul></section>`
  );
}
