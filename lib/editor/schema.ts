import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { documentExtensions } from "./extensions";

let cached: Schema | undefined;

/** The ProseMirror schema of a note's body, built once from the shared extensions. */
export function noteSchema(): Schema {
  cached ??= getSchema(documentExtensions());
  return cached;
}

/**
 * Whether an element named `name` can be read where it stands in a body as
 * Yjs holds it: straight in the body, or inside another element. It must be
 * a node of the schema, neither text (Yjs holds text apart) nor the document
 * itself, and a block when it stands straight in the body. The update guard
 * refuses an update that breaks this; derive drops what breaks it from a body
 * stored before the guard did.
 */
export function isReadableElement(name: string, standsIn: "body" | "element"): boolean {
  const type = noteSchema().nodes[name];
  if (type === undefined || type.isText || type === noteSchema().topNodeType) return false;
  return standsIn === "element" || type.isBlock;
}
