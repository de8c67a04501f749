import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { noteEntities } from "@/db/schema";
import type { ProseMirrorJSON } from "@/lib/editor/derive";
import { extractMentions } from "@/lib/editor/mentions";
import { teamEntityIds } from "./queries";

/**
 * Rebuilds a note's links to actors and events from its document, inside the
 * caller's transaction. Only the team's own entities are linked: an id of
 * another team's entity in a document is dropped, never linked.
 */
export async function syncNoteEntities(tx: Executor, note: { id: string; teamId: string }, content: ProseMirrorJSON) {
  const mentions = extractMentions(content);
  const allowed = await teamEntityIds(
    note.teamId,
    mentions.map((m) => m.entityId),
    tx,
  );
  await tx.delete(noteEntities).where(eq(noteEntities.noteId, note.id));
  const rows = mentions
    .filter((m) => allowed.has(m.entityId))
    .map((m) => ({ noteId: note.id, entityId: m.entityId, teamId: note.teamId, mentions: m.count, snippets: m.snippets }));
  if (rows.length > 0) await tx.insert(noteEntities).values(rows);
}
