import "server-only";
import { tellEditors } from "@/lib/collab/registry";
import { refreshTeamPages } from "@/lib/commands/page-refresh";

/**
 * After a note's review or publication changed (an after-commit effect):
 * its open editors, on any process, reload the review panel, and the
 * caller's pages of the team (lists, badges) are refreshed.
 */
export function statusChanged(note: { id: string; teamId: string }): void {
  tellEditors(note.id, "review");
  refreshTeamPages(note.teamId);
}
