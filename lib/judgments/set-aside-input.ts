import { z } from "zod";
import { MAX_FINDING_SENTENCE, MAX_FINDING_TERM, MAX_SET_ASIDE_REASON } from "@/lib/tradecraft/estimative-check";
import { FINDING_KINDS } from "@/lib/tradecraft/findings";

/** A finding on a passage as the check reports it, named by a browser: the server checks it is one before anything is written. */
export const passageFields = {
  team: z.string(),
  noteId: z.uuid("That note was not found."),
  kind: z.enum(FINDING_KINDS, "That is not a kind of finding of the estimative-language check."),
  term: z.string().max(MAX_FINDING_TERM, `The words of a finding can be at most ${MAX_FINDING_TERM} characters.`),
  sentence: z
    .string()
    .min(1, "A finding's sentence is needed.")
    .max(MAX_FINDING_SENTENCE, `A finding's sentence can be at most ${MAX_FINDING_SENTENCE.toLocaleString("en")} characters.`),
};

export const restoreFindingInput = z.object(passageFields);

export const setAsideFindingInput = z.object({
  ...passageFields,
  reason: z.string().trim().max(MAX_SET_ASIDE_REASON, `A reason can be at most ${MAX_SET_ASIDE_REASON} characters.`).default(""),
});
