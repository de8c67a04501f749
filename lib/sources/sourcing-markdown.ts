import { noticeSentence, type EditionNotice } from "./edition-notices";
import type { Endnote } from "./endnote";
import { endnoteParts } from "./sourcing-html";
import { sourceSummary } from "./source-summary";

/** Text as Markdown shows it, never as markup: a title cannot become a link, emphasis or HTML. */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>&~]/g, (c) => `\\${c}`).replace(/\s+/g, " ");

/** The endnotes as Markdown footnote definitions (`[^1]: …`), after the source summary; empty for none. */
export function endnotesMarkdown(endnotes: readonly Endnote[], what: "brief" | "note" = "brief"): string {
  const summary = sourceSummary(endnotes, what);
  if (!summary) return "";
  const definitions = endnotes.map((endnote) => {
    const { title, origin, gradeDescription, where } = endnoteParts(endnote);
    return `[^${endnote.ordinal}]: *${escapeMarkdown(title)}*${origin ? `, ${escapeMarkdown(origin)}` : ""}. ${escapeMarkdown(gradeDescription)}.${where ? ` ${escapeMarkdown(where)}.` : ""}`;
  });
  return `## Endnotes\n\n${escapeMarkdown(summary)}\n\n${definitions.join("\n")}\n`;
}

/** The readers' notices as a quotation above the text; empty for none. */
export function noticesMarkdown(notices: readonly EditionNotice[]): string {
  if (notices.length === 0) return "";
  return `${notices.map((notice) => `> **${escapeMarkdown(noticeSentence(notice))}** (${notice.endnotes.map((n) => `[^${n}]`).join(", ")})`).join("\n>\n")}\n\n`;
}
