import "server-only";
import { restoreBody, tellEditors } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { getTeamNote, renameNote } from "@/lib/notes/queries";
import { recordRevision } from "./create";
import { getRevision } from "./queries";

/**
 * Takes a note back to a revision, as a new edit through Yjs: editors who have
 * it open see the old text at once, and the text just before the restore is
 * kept as a revision of its own, so nothing is lost.
 */
export async function restoreRevision(teamId: string, noteId: string, revisionId: string, userId: string) {
  const [note, revision] = await Promise.all([getTeamNote(teamId, noteId), getRevision(teamId, noteId, revisionId)]);
  await restoreBody(noteId, userId, revision.content, async (current) => {
    await recordRevision(noteId, { reason: "restore", userId, snapshot: { title: note.title, ...current } });
  });
  // The body went through Yjs above, as editors' edits do; the title and the record commit together.
  await runCommand(async ({ tx, audit, afterCommit }) => {
    if (revision.title !== note.title) await renameNote(teamId, noteId, revision.title, userId, tx);
    await audit({ teamId, userId, action: "note.restored", target: noteId, data: { revisionId } });
    afterCommit(() => refreshTeamPages(teamId));
    // The text may now be (or no longer be) the approved one: open note pages show where it stands.
    afterCommit(() => tellEditors(noteId, "review"));
  });
}
