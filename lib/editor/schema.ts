import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { documentExtensions } from "./extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of a note's body, built once from the shared extensions. */
export function noteSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}
