import type { NoteStatus } from "@/db/schema";
import { holds, type Actor } from "./actor";

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
  read: (actor: Actor | null, note: NoteResource) => holds(actor, note.teamId, "readDrafts"),
  /** Body, title, tags, named versions and restoring a version. */
  update: (actor: Actor | null, note: NoteResource) => holds(actor, note.teamId, "editNotes"),
  comment: (actor: Actor | null, note: NoteResource) => holds(actor, note.teamId, "comment"),
  delete: (actor: Actor | null, note: NoteResource) => holds(actor, note.teamId, "deleteForGood"),
  /** Withdraw every edition from readers. */
  unpublish: (actor: Actor | null, note: NoteResource) => holds(actor, note.teamId, "publish"),
};
