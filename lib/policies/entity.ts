import { grantedTo } from "./actor";

export interface EntityResource {
  teamId: string;
}

/**
 * Actors and events. Every member may open their pages; what those pages
 * show of notes follows teamPolicy.readDrafts (readers see editions only).
 */
export const entityPolicy = {
  read: grantedTo<EntityResource>("readBriefs"),
  /** Following it: the next editions that mention it reach the member's inbox. Whoever may open its page. */
  follow: grantedTo<EntityResource>("readBriefs"),
  /** Create, edit, link participants, merge (merging keeps everything, so it is an edit). */
  update: grantedTo<EntityResource>("editNotes"),
  delete: grantedTo<EntityResource>("deleteForGood"),
};
