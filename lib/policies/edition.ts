import type { Visibility } from "@/db/schema";
import { holds, type Actor } from "./actor";

export interface EditionResource {
  teamId: string;
  visibility: Visibility;
}

const read = (actor: Actor | null, edition: EditionResource) => edition.visibility === "public" || holds(actor, edition.teamId, "readBriefs");

/**
 * A published edition: a public one is anyone's, signed in or not; a team one
 * is for members of every role. Withdrawn editions are not found at all (the
 * queries leave them out), so no rule here needs to know.
 */
export const editionPolicy = {
  read,
  /** Mentions in an edition link to the team's pages about them, for members only. */
  followMentions: (actor: Actor | null, edition: EditionResource) => holds(actor, edition.teamId, "readBriefs"),
  /**
   * Following the brief, so its next editions reach one's inbox: for members
   * who may read it (a public brief's readers from outside the team have no
   * inbox there).
   */
  follow: (actor: Actor | null, edition: EditionResource) => holds(actor, edition.teamId, "readBriefs") && read(actor, edition),
};
