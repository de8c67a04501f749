import { escapeHtml } from "@/lib/editor/html";
import { endnoteGrade, endnoteGradeDescription, kindLabel, type Endnote } from "./endnote";
import { noticeSentence, type EditionNotice } from "./edition-notices";
import { sourceSummary } from "./source-summary";
import { formatDay } from "@/lib/day";

/** "Wire report, Reuters, media report. B2. para. 3; obtained 2 March 2026." without the markup: what an endnote says. */
export function endnoteParts(endnote: Endnote) {
  const origin = [endnote.originator.trim(), kindLabel(endnote.sourceKind)].filter(Boolean).join(", ");
  const where = [endnote.locator.trim(), endnote.obtainedOn ? `obtained ${formatDay(endnote.obtainedOn)}` : ""].filter(Boolean).join("; ");
  return { title: endnote.sourceTitle, origin, grade: endnoteGrade(endnote), gradeDescription: endnoteGradeDescription(endnote), where };
}

/**
 * The endnotes section after a text: the source summary, then each endnote
 * numbered as its citation (`endnote-N`), with a way back to it
 * (`citation-N`) unless `backLinks` is false. Every text is escaped; nothing
 * for no endnotes.
 */
export function endnotesHtml(endnotes: readonly Endnote[], options: { what?: "brief" | "note"; backLinks?: boolean } = {}): string {
  const summary = sourceSummary(endnotes, options.what);
  if (!summary) return "";
  const items = endnotes.map((endnote) => {
    const { title, origin, grade, gradeDescription, where } = endnoteParts(endnote);
    const n = endnote.ordinal;
    const back = options.backLinks === false ? "" : ` <a class="endnote-back" href="#citation-${n}" aria-label="Back to citation ${n}">↩</a>`;
    return (
      `<li id="endnote-${n}" value="${n}"><cite>${escapeHtml(title)}</cite>${origin ? `, ${escapeHtml(origin)}` : ""}. ` +
      `<abbr class="grade" title="${escapeHtml(gradeDescription)}">${grade}</abbr>.${where ? ` ${escapeHtml(where)}.` : ""}${back}</li>`
    );
  });
  return `<section class="endnotes" aria-labelledby="endnotes-heading"><h2 id="endnotes-heading">Endnotes</h2><p class="source-summary">${escapeHtml(summary)}</p><ol>${items.join("")}</ol></section>`;
}

/** The readers' notices above an edition's text, each with links to the endnotes of its source. */
export function noticesHtml(notices: readonly EditionNotice[]): string {
  if (notices.length === 0) return "";
  const lines = notices.map((notice) => {
    const links = notice.endnotes.map((n) => `<a href="#endnote-${n}">${n}</a>`).join(", ");
    return `<p class="notice warn">${escapeHtml(noticeSentence(notice))} ${notice.endnotes.length === 1 ? "Endnote" : "Endnotes"} ${links}.</p>`;
  });
  return `<div class="source-notices" role="note" aria-label="Notices about sources">${lines.join("")}</div>`;
}
