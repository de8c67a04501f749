import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { noteEntities } from "@/db/schema";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import type { DocNode } from "@/lib/editor/document";
import { extractMentions, type MentionFound } from "@/lib/editor/mentions";
import { teamEntityIds } from "./queries";

/**
 * The mentions of a document that name the team's own entities: an id of
 * another team's entity in a document is dropped, never linked.
 */
export async function teamMentions(tx: Executor, teamId: string, content: DocNode): Promise<MentionFound[]> {
  const mentions = extractMentions(content);
  const allowed = await teamEntityIds(
    teamId,
    mentions.map((m) => m.entityId),
    tx,
  );
  return mentions.filter((m) => allowed.has(m.entityId));
}

/** Rebuilds a note's links to actors and events from its document, inside the caller's transaction. */
export async function syncNoteEntities(tx: Executor, note: { id: string; teamId: string }, content: DocNode) {
  const mentions = await teamMentions(tx, note.teamId, content);
  await tx.delete(noteEntities).where(eq(noteEntities.noteId, note.id));
  const rows = mentions.map((m) => ({ noteId: note.id, entityId: m.entityId, teamId: note.teamId, mentions: m.count, snippets: m.snippets }));
  if (rows.length > 0) await tx.insert(noteEntities).values(rows);
}

/** Keeps a note's links in step with its body as the collaboration server stores it, in the store's transaction. */
export const noteLinksSubscriber: NoteSubscriber = {
  bodyChanged: ({ tx, note, content }) => syncNoteEntities(tx, note, content),
};
