import type { NoteStatus } from "@/db/schema";
import { grantedTo } from "./actor";

export interface NoteResource {
  id: string;
  teamId: string;
  status: NoteStatus;
}

/**
 * A note as its team works on it: the draft, its body, title, tags, comments
 * and history. Readers see notes only through their published editions
 * (editionPolicy), so to them a draft does not exist.
 */
export const notePolicy = {
  /** The draft, its history, comments and exports; opening its collaborative document. */
  read: grantedTo<NoteResource>("readDrafts"),
  /** Body, title, tags, named versions and restoring a version. */
  update: grantedTo<NoteResource>("editNotes"),
  comment: grantedTo<NoteResource>("comment"),
  /** Propose changes to the body as suggestions (Suggesting mode): the collaboration server lets through only their own. */
  suggest: grantedTo<NoteResource>("suggest"),
  delete: grantedTo<NoteResource>("deleteForGood"),
  /** Withdraw every edition from readers. */
  unpublish: grantedTo<NoteResource>("publish"),
};
