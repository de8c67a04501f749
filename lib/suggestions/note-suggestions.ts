import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { memberships, notes, suggestions } from "@/db/schema";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import type { DocNode } from "@/lib/editor/document";
import { insertNotifications } from "@/lib/notifications/notify";
import { can } from "@/lib/policies";
import { suggestionsIn } from "@/lib/editor/suggestions/read";
import { recordedSuggestions, rowFromBody, setSuggestionStatus } from "./record";
import { suggestersOf } from "./suggesters";

/**
 * How long a decision stands against a body that still holds its
 * suggestion. The browser records a decision and then makes its edit, so a
 * store in between still sees the suggestion; only a store this long after
 * the decision takes it for an undone one.
 */
export const DECISION_SETTLES_MS = 10_000;

/**
 * Brings a note's record of suggestions in step with its body, inside the
 * store's transaction: a new suggestion is recorded as open and its note's
 * author told of it (once per suggester per store, never of their own); a
 * decided one still in the body was undone and is open again; an open one no
 * longer in the body went with the passage around it and is removed.
 */
export async function syncNoteSuggestions(tx: Executor, note: { id: string; teamId: string }, content: DocNode, now = new Date()) {
  const [head] = await tx.select({ id: notes.id, teamId: notes.teamId, status: notes.status, createdBy: notes.createdBy }).from(notes).where(eq(notes.id, note.id));
  if (!head) return;
  const suggesters = await suggestersOf(tx, head);
  const inBody = suggestionsIn(content).filter((found) => suggesters.has(found.author));
  const recorded = await recordedSuggestions(tx, note.id);

  const fresh = inBody.filter((found) => !recorded.has(found.id));
  if (fresh.length > 0) await tx.insert(suggestions).values(fresh.map((found) => rowFromBody(note, found))).onConflictDoNothing();
  for (const found of inBody) {
    const row = recorded.get(found.id);
    if (!row) continue;
    const undone = row.status !== "open" && (row.status === "removed" || !row.decidedAt || now.getTime() - row.decidedAt.getTime() >= DECISION_SETTLES_MS);
    if (undone) await setSuggestionStatus(tx, note.id, found.id, { status: "open", summary: found.summary });
    else if (row.status === "open" && row.summary !== found.summary) await setSuggestionStatus(tx, note.id, found.id, { status: "open", summary: found.summary });
  }
  const present = new Set(inBody.map((found) => found.id));
  for (const row of recorded.values()) {
    if (row.status === "open" && !present.has(row.suggestionId)) await setSuggestionStatus(tx, note.id, row.suggestionId, { status: "removed" });
  }

  await tellAuthor(tx, head, fresh);
}

/** The note's author hears of new suggestions: one notification per suggester, quoting their first. */
async function tellAuthor(
  tx: Executor,
  note: { id: string; teamId: string; status: typeof notes.$inferSelect.status; createdBy: string | null },
  fresh: ReturnType<typeof suggestionsIn>,
) {
  const authorId = note.createdBy;
  if (!authorId) return;
  const firstBy = new Map<string, (typeof fresh)[number]>();
  for (const found of fresh) if (found.author !== authorId && !firstBy.has(found.author)) firstBy.set(found.author, found);
  if (firstBy.size === 0) return;
  const [membership] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.userId, authorId), eq(memberships.teamId, note.teamId)));
  if (!membership || !can({ userId: authorId, teamId: note.teamId, role: membership.role }, "note.read", note)) return;
  await insertNotifications(
    tx,
    [...firstBy.values()].map((found) => ({
      userId: authorId,
      teamId: note.teamId,
      kind: "suggested" as const,
      noteId: note.id,
      actorId: found.author,
      excerpt: found.summary.slice(0, 200),
    })),
  );
}

/** Keeps a note's record of suggestions in step with its body as the collaboration server stores it, in the store's transaction. */
export const noteSuggestionsSubscriber: NoteSubscriber = {
  bodyChanged: ({ tx, note, content }) => syncNoteSuggestions(tx, note, content),
};
