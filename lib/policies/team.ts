import { holds, type Actor } from "./actor";

export interface TeamResource {
  id: string;
}

/** Team-wide abilities: which parts of the team's space a member may open. Members and the audit log have their own policies. */
export const teamPolicy = {
  /** Published briefs, actors and events as readers see them, search, personal feeds. */
  read: (actor: Actor | null, team: TeamResource) => holds(actor, team.id, "readBriefs"),
  /** Drafts: the notes list, timeline, link chart, history. */
  readDrafts: (actor: Actor | null, team: TeamResource) => holds(actor, team.id, "readDrafts"),
  /** Write: new notes, imports, actors and events. */
  edit: (actor: Actor | null, team: TeamResource) => holds(actor, team.id, "editNotes"),
  comment: (actor: Actor | null, team: TeamResource) => holds(actor, team.id, "comment"),
  /** Be asked for, and give, reviews. */
  review: (actor: Actor | null, team: TeamResource) => holds(actor, team.id, "review"),
  /** Delete for good (notes, actors, events); merging keeps everything and is an edit. */
  deleteForGood: (actor: Actor | null, team: TeamResource) => holds(actor, team.id, "deleteForGood"),
};
