import { grantedTo } from "./actor";

export interface SourceResource {
  teamId: string;
}

/**
 * The team's source register. It is working material, as drafts are: readers
 * see a source only as an endnote of an edition they may read (and through
 * that edition's rules, not these).
 */
export const sourcePolicy = {
  /** The register, a source's page, its grade history and its snapshots' downloads. */
  read: grantedTo<SourceResource>("readDrafts"),
  /** Add a source, edit it, grade or regrade it, attach snapshots, retract and reinstate it. */
  update: grantedTo<SourceResource>("editNotes"),
};
