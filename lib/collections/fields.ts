import { z } from "zod";

/** A collection's name as a member types it: trimmed, one line, not empty, not long. */
export const collectionName = z
  .string()
  .transform((name) => name.replace(/\s+/g, " ").trim())
  .pipe(z.string().min(1, "Give the collection a name.").max(80, "A collection's name is at most 80 characters."));
