import { desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { notes, revisions, type Note, type Revision, type RevisionReason } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { stableStringify } from "@/lib/stable-json";
import { wordChanges } from "./words";

export interface Snapshot {
  title: string;
  content: Record<string, unknown>;
  text: string;
  ydoc: Uint8Array;
}

/**
 * Records a revision of a note from a snapshot, with the contributors gathered
 * since the last one. An unchanged note makes no new automatic revision (null). Runs under a lock on the note row, so processes
 * racing to make the same revision make it once.
 */
export async function recordRevision(
  noteId: string,
  options: { reason: RevisionReason; userId?: string | null; name?: string; snapshot?: Snapshot },
  tx?: Executor,
): Promise<Revision | null> {
  const run = async (t: Executor): Promise<Revision | null> => {
    const [note] = await t
      .select({ teamId: notes.teamId, title: notes.title, content: notes.content, text: notes.text, ydoc: notes.ydoc, pending: notes.pendingContributors })
      .from(notes)
      .where(eq(notes.id, noteId))
      .for("update");
    if (!note) return null;
    const snapshot: Snapshot = options.snapshot ?? {
      title: note.title,
      content: note.content ?? { type: "doc", content: [] },
      text: note.text,
      ydoc: note.ydoc ?? new Uint8Array([0, 0]),
    };

    const [last] = await t
      .select({ content: revisions.content, text: revisions.text })
      .from(revisions)
      .where(eq(revisions.noteId, noteId))
      .orderBy(desc(revisions.createdAt))
      .limit(1);
    const unchanged = last && stableStringify(last.content) === stableStringify(snapshot.content);
    // Named, pre-restore, approved and published revisions are points in history others refer to:
    // they are made even when nothing changed.
    if (unchanged && !options.name && !["restore", "approval", "publish"].includes(options.reason)) return null;

    const { added, removed } = wordChanges(last?.text ?? "", snapshot.text);
    const [revision] = await t
      .insert(revisions)
      .values({
        noteId,
        teamId: note.teamId,
        reason: options.reason,
        name: options.name ?? null,
        namedBy: options.name ? (options.userId ?? null) : null,
        title: snapshot.title,
        content: snapshot.content,
        text: snapshot.text,
        ydoc: snapshot.ydoc,
        contributors: note.pending,
        wordsAdded: added,
        wordsRemoved: removed,
        createdBy: options.userId ?? null,
      })
      .returning();
    await t.update(notes).set({ pendingContributors: [] }).where(eq(notes.id, noteId));
    return revision;
  };
  return tx ? run(tx) : db().transaction(run);
}

/** Keeps the note as it is now (edits not yet stored included) as a named revision. */
export async function recordNamedRevision(note: Pick<Note, "id" | "title">, userId: string, name: string): Promise<Revision | null> {
  const snapshot = { title: note.title, ...(await currentBody(note.id)) };
  return recordRevision(note.id, { reason: "named", userId, name, snapshot });
}
