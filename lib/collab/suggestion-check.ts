import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";
import { withoutSuggestionsBy } from "@/lib/editor/suggestions/resolve";
import { addsPendingChanges } from "./pending-changes";

const bodyOf = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), noteSchema());

/**
 * What is wrong with an update from a connection that may only suggest (a
 * reviewer's), or null. Such an update may add and remove suggestions
 * carrying its own user's id and nothing else: with that user's suggestions
 * rejected, the body must read exactly as it did before. So a change to the
 * text, another reviewer's suggestion forged or removed, and a suggestion of
 * one's own accepted (which turns it into text) are all refused.
 *
 * The update is tried on a copy, so nothing it does reaches the note unless
 * it passes; one that needs changes the server has not seen is refused, as a
 * suggestion cannot be judged against text that is not there. A change of
 * someone else's that the note itself still waits for does not count
 * against it.
 */
export function findSuggestionProblem(doc: Y.Doc, update: Uint8Array, userId: string): string | null {
  // Both bodies are read from copies: reading one can repair (write to) it, and the note's own must change only by updates.
  const state = Y.encodeStateAsUpdate(doc);
  const trial = replicaOf(state);
  try {
    Y.applyUpdate(trial, update);
  } catch {
    trial.destroy();
    return "the update cannot be applied";
  }
  const base = replicaOf(state);
  if (addsPendingChanges(base, trial)) {
    base.destroy();
    trial.destroy();
    return "the update follows changes the server does not have";
  }
  const before = bodyOf(base);
  const after = bodyOf(trial);
  base.destroy();
  trial.destroy();
  // Someone else's suggestion, forged or removed, survives this rejection and so differs.
  return withoutSuggestionsBy(before, userId).eq(withoutSuggestionsBy(after, userId)) ? null : "a reviewer may only add or withdraw suggestions of their own";
}

function replicaOf(state: Uint8Array): Y.Doc {
  const replica = new Y.Doc({ gc: false });
  Y.applyUpdate(replica, state);
  return replica;
}
