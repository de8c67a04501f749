import { grantedTo } from "./actor";

export interface RevisionResource {
  teamId: string;
}

/** A note's saved versions: read with the draft; named and restored by whoever may edit it. */
export const revisionPolicy = {
  read: grantedTo<RevisionResource>("readDrafts"),
  name: grantedTo<RevisionResource>("editNotes"),
  restore: grantedTo<RevisionResource>("editNotes"),
};
