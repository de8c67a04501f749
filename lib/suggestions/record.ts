import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { suggestions, type Suggestion, type SuggestionStatus } from "@/db/schema";
import type { SuggestionSummary } from "@/lib/editor/suggestions/read";

/** A note's recorded suggestions, by the id their marks carry. */
export async function recordedSuggestions(tx: Executor, noteId: string): Promise<Map<string, Suggestion>> {
  const rows = await tx.select().from(suggestions).where(eq(suggestions.noteId, noteId));
  return new Map(rows.map((row) => [row.suggestionId, row]));
}

/** The row a suggestion found in the body starts as. */
export const rowFromBody = (note: { id: string; teamId: string }, found: SuggestionSummary) => ({
  noteId: note.id,
  teamId: note.teamId,
  suggestionId: found.id,
  authorId: found.author,
  summary: found.summary,
  createdAt: new Date(found.at),
});

/** Sets a recorded suggestion's status, with who decided it and when (none for open and removed). */
export async function setSuggestionStatus(
  tx: Executor,
  noteId: string,
  suggestionId: string,
  change: { status: SuggestionStatus; decidedBy?: string | null; decidedAt?: Date | null; summary?: string },
) {
  await tx
    .update(suggestions)
    .set({ decidedBy: null, decidedAt: null, ...change })
    .where(and(eq(suggestions.noteId, noteId), eq(suggestions.suggestionId, suggestionId)));
}
