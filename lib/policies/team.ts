import { holds, type Actor } from "./actor";
import type { Grant } from "./grants";

export interface TeamResource {
  id: string;
}

const grantedInTeam = (grant: Grant) => (actor: Actor | null, team: TeamResource) => holds(actor, team.id, grant);

/** Team-wide abilities: which parts of the team's space a member may open, and the team's own settings. Members and the audit log have their own policies. */
export const teamPolicy = {
  /** Published briefs, actors and events as readers see them, search, personal feeds. */
  read: grantedInTeam("readBriefs"),
  /** Drafts: the notes list, timeline, link chart, history. */
  readDrafts: grantedInTeam("readDrafts"),
  /** Write: new notes, imports, actors and events. */
  edit: grantedInTeam("editNotes"),
  comment: grantedInTeam("comment"),
  /** Be asked for, and give, reviews. */
  review: grantedInTeam("review"),
  /** Delete for good (notes, actors, events); merging keeps everything and is an edit. */
  deleteForGood: grantedInTeam("deleteForGood"),
  /** The settings page: rename, change the slug, the default visibility of new briefs. */
  update: grantedInTeam("manageTeam"),
  /** Hand the team to another member, who becomes owner while the one handing it on becomes analyst. */
  transfer: grantedInTeam("manageTeam"),
  /** Delete the team with everything in it. */
  delete: grantedInTeam("manageTeam"),
  /** Leave the team. That a team keeps an owner is a rule of the data (lib/teams/leave-team.ts), not of who asks. */
  leave: grantedInTeam("leaveTeam"),
};
