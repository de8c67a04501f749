import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { DocNode } from "@/lib/editor/document";
import { findShapeProblem, measureDocument } from "@/lib/editor/limits";
import { noteSchema } from "@/lib/editor/schema";
import { withoutSuggestions } from "@/lib/editor/suggestions/resolve";
import { badRequest } from "@/lib/errors";
import { noteBodyFromContent } from "@/lib/notes/body";

/**
 * How much a template may hold: a template is a shape to start from, not an
 * archive, and every new note made from it copies it whole.
 */
export const TEMPLATE_LIMITS = { characters: 100_000 } as const;

const isEmptyParagraph = (block: DocNode) => block?.type === "paragraph" && !block.content?.length;

/**
 * A body as a template keeps it: measured first (nothing recursive runs on a
 * document past the limits), without the suggestions it carries (a new note
 * does not start with someone's proposed edits), then built into a Yjs
 * document and read back as a note's stored body is (`noteBodyFromContent`:
 * the schema's check, then sanitising). So a template holds only what the
 * schema and the update guard would take from the editor, and a note made
 * from it stores exactly this body.
 */
export function templateBody(content: DocNode): DocNode {
  const shape = measureDocument(content);
  const problem = findShapeProblem(shape);
  if (problem) throw badRequest(`This text cannot be a template: ${problem}.`);
  if (shape.characters > TEMPLATE_LIMITS.characters) {
    throw badRequest(`A template holds at most ${TEMPLATE_LIMITS.characters.toLocaleString("en")} characters; this text has ${shape.characters.toLocaleString("en")}.`);
  }
  if ((content.content ?? []).every(isEmptyParagraph)) throw badRequest("There is nothing to make a template of: the text is empty.");
  try {
    const node = ProseMirrorNode.fromJSON(noteSchema(), content);
    if (node.type !== noteSchema().topNodeType) throw new RangeError("not a document");
    const settled = withoutSuggestions(node).toJSON();
    return noteBodyFromContent(settled).content;
  } catch {
    // ProseMirror's checks of the schema throw RangeErrors.
    throw badRequest("This text cannot be a template: it does not fit the editor's schema.");
  }
}
