import { grantedTo } from "./actor";

export interface CollectionResource {
  teamId: string;
}

/**
 * A team's collections (folders) of notes (lib/collections/). Their names
 * and the notes in them are working material: those who read drafts see
 * them; those who write notes make, rename, order and delete them. Filing a
 * note in one changes the note: that is `note.update`.
 */
export const collectionPolicy = {
  read: grantedTo<CollectionResource>("readDrafts"),
  manage: grantedTo<CollectionResource>("editNotes"),
};
