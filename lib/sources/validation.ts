import { z } from "zod";
import { isSafeHref } from "@/lib/editor/extensions";
import { RELIABILITY_GRADES, SOURCE_KINDS } from "@/lib/source-grading";

const GRADE_HINT = "Grade the source's reliability from A (completely reliable) to F (cannot be judged).";

export const reliabilityInput = z.enum(RELIABILITY_GRADES, { error: GRADE_HINT });

/** Why a grade changed, or why a source was retracted: always said, so the history explains itself. */
export const changeReason = z.string().trim().min(1, "Say why, for the source's history.").max(1_000, "A reason can be at most 1,000 characters.");

const optionalUuid = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.uuid("Choose an actor from the list.").nullable());

/** A source's description, as the register's form sends it. */
export const sourceFields = z.object({
  title: z.string().trim().min(1, "A source needs a title.").max(300, "A title can be at most 300 characters."),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
  originator: z.string().trim().max(200, "An originator can be at most 200 characters.").default(""),
  originatorEntityId: optionalUuid.default(null),
  url: z
    .string()
    .trim()
    .max(2_000, "An address can be at most 2,000 characters.")
    .refine((url) => url === "" || (/^https?:\/\//i.test(url) && isSafeHref(url)), "Give an address starting with http:// or https://.")
    .transform((url) => url || null)
    .default(null),
  description: z.string().trim().max(5_000, "A description can be at most 5,000 characters.").default(""),
});

/** A new source: its description and its first grade. */
export const sourceInput = sourceFields.extend({ reliability: reliabilityInput });

export type SourceFields = z.infer<typeof sourceFields>;
export type SourceInput = z.infer<typeof sourceInput>;
