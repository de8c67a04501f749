import { holds, type Actor } from "./actor";

export interface RevisionResource {
  teamId: string;
}

/** A note's saved versions: read with the draft; named and restored by whoever may edit it. */
export const revisionPolicy = {
  read: (actor: Actor | null, revision: RevisionResource) => holds(actor, revision.teamId, "readDrafts"),
  name: (actor: Actor | null, revision: RevisionResource) => holds(actor, revision.teamId, "editNotes"),
  restore: (actor: Actor | null, revision: RevisionResource) => holds(actor, revision.teamId, "editNotes"),
};
