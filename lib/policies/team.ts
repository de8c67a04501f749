import { holds, type Actor } from "./actor";
import type { Grant } from "./grants";

export interface TeamResource {
  id: string;
}

const grantedInTeam = (grant: Grant) => (actor: Actor | null, team: TeamResource) => holds(actor, team.id, grant);

/** Team-wide abilities: which parts of the team's space a member may open. Members and the audit log have their own policies. */
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
};
