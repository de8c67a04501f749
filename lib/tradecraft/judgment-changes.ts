/**
 * How a key judgment of an edition stands to the one before (ICD 203 asks
 * that a change of judgment be explained). No imports, so the schema, the
 * server and the pages read the same list.
 */
export const JUDGMENT_CHANGES = ["new", "unchanged", "raised", "lowered", "confidence", "reworded", "withdrawn"] as const;
export type JudgmentChange = (typeof JUDGMENT_CHANGES)[number];

export const JUDGMENT_CHANGE_LABELS: Record<JudgmentChange, string> = {
  new: "New",
  unchanged: "Unchanged",
  raised: "Likelihood raised",
  lowered: "Likelihood lowered",
  confidence: "Confidence changed",
  reworded: "Reworded",
  withdrawn: "Withdrawn",
};

/** Whether publishing a judgment so changed needs a line saying why: every change but a rewording. */
export function needsRationale(change: JudgmentChange): boolean {
  return change !== "unchanged" && change !== "reworded";
}

/** How long a rationale may be: one line. */
export const MAX_RATIONALE_LENGTH = 300;
