import { holds, type Actor } from "./actor";

export interface EntityResource {
  teamId: string;
}

/**
 * Actors and events. Every member may open their pages; what those pages
 * show of notes follows teamPolicy.readDrafts (readers see editions only).
 */
export const entityPolicy = {
  read: (actor: Actor | null, entity: EntityResource) => holds(actor, entity.teamId, "readBriefs"),
  /** Create, edit, link participants, merge (merging keeps everything, so it is an edit). */
  update: (actor: Actor | null, entity: EntityResource) => holds(actor, entity.teamId, "editNotes"),
  delete: (actor: Actor | null, entity: EntityResource) => holds(actor, entity.teamId, "deleteForGood"),
};
