"use client";

import { changeCounts, changedJudgments, changeLine } from "@/lib/judgments/change-words";
import { draftChangeView } from "@/lib/judgments/draft-view";
import type { JudgmentChangeDraft } from "@/lib/judgments/edition-judgments";
import { MAX_RATIONALE_LENGTH } from "@/lib/tradecraft/judgment-changes";

/**
 * The publish panel's account of the key judgments: how each changed since
 * the latest edition, old words → new, and a line saying why for each change
 * that needs one. The server asks the same (lib/judgments/edition-judgments.ts).
 */
export function JudgmentRationales({
  changes,
  since,
  rationales,
  onChange,
}: {
  changes: readonly JudgmentChangeDraft[];
  /** The number of the latest edition. */
  since: number;
  rationales: Readonly<Record<string, string>>;
  onChange: (key: string, reason: string) => void;
}) {
  // A first edition's judgments (or a brief published again after it was withdrawn) are compared with nothing.
  const compared = changes.some((change) => change.previous !== null || change.needsRationale);
  const changed = changedJudgments(changes);
  if (!compared) return null;
  if (changed.length === 0)
    return (
      <p className="hint judgment-summary" data-testid="judgment-summary">
        Key judgments unchanged since edition {since}.
      </p>
    );
  return (
    <fieldset className="judgment-rationales stack" aria-describedby="judgment-summary">
      <legend>Key judgments</legend>
      <p id="judgment-summary" className="judgment-summary" data-testid="judgment-summary">
        Since edition {since}: {changeCounts(changed)}.
      </p>
      <ul className="judgment-change-list">
        {changed.map((change) => {
          const view = draftChangeView(change);
          return (
            <li key={change.key} className="judgment-change stack" data-change={change.change}>
              <span className="judgment-change-line">{changeLine(view)}</span>
              <span className="judgment-change-text">{change.text || "(no words)"}</span>
              {change.change === "reworded" && view.previousText && <span className="judgment-was">Was: {view.previousText}</span>}
              {change.needsRationale && (
                <input
                  value={rationales[change.key] ?? ""}
                  onChange={(event) => onChange(change.key, event.target.value.replace(/[\r\n]+/g, " "))}
                  maxLength={MAX_RATIONALE_LENGTH}
                  required
                  placeholder="Why, in one line"
                  aria-label={`Why: ${change.text}`}
                />
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
