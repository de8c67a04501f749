import "server-only";
import { suggestions } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { runCommand } from "@/lib/commands/command";
import { badRequest } from "@/lib/errors";
import type { NoteResource } from "@/lib/policies/note";
import { suggestionsIn } from "@/lib/editor/suggestions/read";
import { recordedSuggestions, rowFromBody, setSuggestionStatus } from "./record";
import { suggestersOf } from "./suggesters";

export type SuggestionOutcome = "accepted" | "rejected";
export interface SuggestionDecision {
  id: string;
  outcome: SuggestionOutcome;
}

const OUTCOME_WORDS: Record<SuggestionOutcome, string> = { accepted: "Accepted", rejected: "Rejected" };

/**
 * Records who accepted or rejected which suggestions, before their editor
 * makes the edit that applies the decision. Each must be in the body as it
 * is now (a suggestion someone else decided or deleted a moment ago is
 * refused, and nothing is recorded); the decisions, their audit entry and
 * the suggesters' notifications commit together. The caller has checked
 * that the decider may edit the note.
 */
export async function decideSuggestions(note: NoteResource, deciderId: string, decisions: SuggestionDecision[]) {
  const inBody = new Map(suggestionsIn((await currentBody(note.id)).content).map((found) => [found.id, found]));
  const missing = decisions.find((decision) => !inBody.has(decision.id));
  if (missing) throw badRequest("One of those suggestions is not in the note any more: someone may have decided it or deleted its text. Nothing was changed.");
  const decidedAt = new Date();
  return runCommand(async ({ tx, audit, notify }) => {
    const suggesters = await suggestersOf(tx, note);
    const recorded = await recordedSuggestions(tx, note.id);
    const fresh = decisions.map((decision) => inBody.get(decision.id)!).filter((found) => !recorded.has(found.id));
    if (fresh.length > 0)
      await tx
        .insert(suggestions)
        .values(fresh.map((found) => ({ ...rowFromBody(note, found), authorId: suggesters.has(found.author) ? found.author : null })))
        .onConflictDoNothing();
    for (const decision of decisions) {
      const found = inBody.get(decision.id)!;
      await setSuggestionStatus(tx, note.id, decision.id, { status: decision.outcome, decidedBy: deciderId, decidedAt, summary: found.summary });
    }
    await audit({
      teamId: note.teamId,
      userId: deciderId,
      action: "note.suggestions_decided",
      target: note.id,
      data: { decisions: decisions.map(({ id, outcome }) => ({ id, outcome, author: inBody.get(id)!.author })) },
    });
    await notify(
      decisions.flatMap(({ id, outcome }) => {
        const found = inBody.get(id)!;
        if (found.author === deciderId || !suggesters.has(found.author)) return [];
        const excerpt = `${OUTCOME_WORDS[outcome]}: ${found.summary}`.slice(0, 200);
        return [{ userId: found.author, teamId: note.teamId, kind: "suggestion_decided" as const, noteId: note.id, actorId: deciderId, excerpt }];
      }),
    );
  });
}
