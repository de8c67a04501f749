"use client";

import type { Editor } from "@tiptap/core";
import { decideSuggestionsAction } from "@/app/t/[team]/notes/[id]/suggestion-actions";
import { SUGGESTION_DECISION_META } from "@/lib/editor/suggestions/decision-meta";
import { resolveSuggestions, type Decision } from "@/lib/editor/suggestions/resolve";

export type Outcome = "accepted" | "rejected";
const DECISION: Record<Outcome, Decision> = { accepted: "accept", rejected: "reject" };

/** Applies decisions to the live text as one edit, undoable like any other. */
export function applyDecisions(editor: Editor, ids: string[], outcome: Outcome) {
  const chosen = new Set(ids);
  const tr = editor.state.tr;
  resolveSuggestions(tr, (stamp) => (chosen.has(stamp.id) ? DECISION[outcome] : null));
  tr.setMeta(SUGGESTION_DECISION_META, true);
  editor.view.dispatch(tr);
}

/**
 * Accepts or rejects suggestions: the server records the decision first (it
 * refuses one no longer in the text, and then nothing is changed), then the
 * edit is made. Resolves to the server's sentence when it refused.
 */
export async function decideSuggestions(editor: Editor, team: string, noteId: string, ids: string[], outcome: Outcome): Promise<string | null> {
  if (ids.length === 0) return null;
  const result = await decideSuggestionsAction({ team, noteId, decisions: ids.map((id) => ({ id, outcome })) });
  if (!result.ok) return result.error;
  if (!editor.isDestroyed) applyDecisions(editor, ids, outcome);
  return null;
}
