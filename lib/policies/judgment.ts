import { grantedTo } from "./actor";

export interface JudgmentResource {
  teamId: string;
}

/**
 * Key judgments as published: each edition's, with how they changed from one
 * edition to the next. A draft's judgments are its text, read through the
 * note's policy.
 */
export const judgmentPolicy = {
  /** The team's history of judgments across its briefs' live editions. */
  read: grantedTo<JudgmentResource>("readBriefs"),
};
