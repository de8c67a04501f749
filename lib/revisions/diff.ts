import { recreateTransform } from "@fellow/prosemirror-recreate-transform";
import { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { ChangeSet, simplifyChanges } from "prosemirror-changeset";
import type { DocNode } from "@/lib/editor/document";
import { noteSchema } from "@/lib/editor/schema";
import { isSuggestedInsertion, suggestionChanges, type SuggestionChanges } from "./suggestion-changes";

export interface DiffChange {
  index: number;
  /** Range of the change in the older document. */
  fromA: number;
  toA: number;
  /** Range of the change in the newer document. */
  fromB: number;
  toB: number;
  inserted: string;
  deleted: string;
  /** The inserted text is a suggestion, proposed rather than made. */
  suggested: boolean;
}

interface DocumentDiff {
  /** The newer document with insertions marked and deletions put back, struck through. */
  document: DocNode;
  changes: DiffChange[];
  /** Suggestions made and resolved between the two, marks-only ones included. */
  suggestions: SuggestionChanges;
}

let diffSchema: Schema | undefined;

/** The note schema plus two marks that exist only in diffs. */
function schemaWithDiffMarks(): Schema {
  const base = noteSchema();
  diffSchema ??= new Schema({
    nodes: base.spec.nodes,
    marks: base.spec.marks.append({
      diffInsert: { attrs: { change: { default: 0 } }, excludes: "diffDelete" },
      diffDelete: { attrs: { change: { default: 0 } }, excludes: "diffInsert" },
    }),
  });
  return diffSchema;
}

/**
 * Compares two versions of a note as ProseMirror documents: the steps from one
 * to the other are recreated (word by word), and prosemirror-changeset distils
 * them into inserted and deleted ranges.
 */
export function diffDocuments(older: DocNode, newer: DocNode): DocumentDiff {
  const schema = noteSchema();
  const a = ProseMirrorNode.fromJSON(schema, older);
  const b = ProseMirrorNode.fromJSON(schema, newer);
  const steps = recreateTransform(a, b, { complexSteps: true, wordDiffs: true, simplifyDiff: true });
  // Widened to whole words: "Friday → Saturday" rather than "Fri → Satur".
  const changes = simplifyChanges(ChangeSet.create(a).addSteps(steps.doc, steps.mapping.maps, null).changes, b);

  const marked = schemaWithDiffMarks();
  const view = new Transform(ProseMirrorNode.fromJSON(marked, newer));
  const result: DiffChange[] = changes.map((change, index) => ({
    index,
    fromA: change.fromA,
    toA: change.toA,
    fromB: change.fromB,
    toB: change.toB,
    inserted: b.textBetween(change.fromB, change.toB, " ", " "),
    deleted: a.textBetween(change.fromA, change.toA, " ", " "),
    suggested: change.toB > change.fromB && isSuggestedInsertion(b, change.fromB, change.toB),
  }));
  // Back to front, so earlier positions stay valid while later ones change.
  for (const change of [...result].reverse()) {
    if (change.toB > change.fromB) view.addMark(change.fromB, change.toB, marked.marks.diffInsert.create({ change: change.index }));
    if (change.deleted.trim()) {
      try {
        view.insert(change.fromB, marked.text(change.deleted, [marked.marks.diffDelete.create({ change: change.index })]));
      } catch {
        // A deletion between blocks that cannot hold text is counted, not drawn.
      }
    }
  }
  return { document: view.doc.toJSON(), changes: result, suggestions: suggestionChanges(a, b) };
}
