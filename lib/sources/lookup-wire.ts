import { z } from "zod";
import type { Reliability, SourceKind } from "@/lib/source-grading";

/**
 * What the editor's source lookup answers (app/t/[team]/sources/lookup), as
 * it travels: the browser reads it, the route writes it.
 */
export type LookedUpStanding =
  | { state: "sound" }
  | { state: "retracted"; at: string; reason: string }
  | { state: "downgraded"; from: Reliability; to: Reliability; at: string; reason: string };

export interface LookedUpSource {
  id: string;
  title: string;
  kind: SourceKind;
  originator: string;
  reliability: Reliability;
  standing: LookedUpStanding;
}

/** How many ids one lookup may name (a long note's citations, each source once). */
export const MAX_LOOKUP_IDS = 100;

/** The lookup's query: `q` searches the register, `ids` names sources (comma-separated); `ids` wins when both are given. */
export const lookupQuery = z.object({
  q: z.string().max(200, "Search for at most 200 characters.").default(""),
  ids: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean) : undefined))
    .pipe(
      z
        .array(z.uuid("Each id must be a source's id."))
        .max(MAX_LOOKUP_IDS, `Ask for at most ${MAX_LOOKUP_IDS} sources at once.`)
        .optional(),
    ),
});
