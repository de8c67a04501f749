import { z } from "zod";
import { MAX_RATIONALE_LENGTH } from "@/lib/tradecraft/judgment-changes";

/** Why each changed judgment changed, by the judgment's key: one line each. The publish action validates with this. */
export const judgmentRationales = z
  .record(
    z.string().max(80),
    z
      .string()
      .trim()
      .max(MAX_RATIONALE_LENGTH, `A reason for a changed judgment can be at most ${MAX_RATIONALE_LENGTH} characters.`)
      .refine((line) => !/[\r\n]/.test(line), "A reason for a changed judgment is one line."),
  )
  .refine((record) => Object.keys(record).length <= 200, "Too many reasons.")
  .default({});
