import { z } from "zod";
import { MAX_COMMENT_LENGTH } from "./limits";

export const commentBody = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`);
