import type { JudgmentChangeView } from "@/lib/judgments/change-words";
import { judgmentChangesHtml } from "@/lib/judgments/changes-html";

/**
 * "What changed in our judgments" above an edition's text. Drawn by the same
 * function as the feeds, which escapes every text.
 */
export function JudgmentChanges({ edition, judgments }: { edition: { number: number }; judgments: readonly JudgmentChangeView[] }) {
  const html = judgmentChangesHtml(edition, judgments);
  if (!html) return null;
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}
