import type { Visibility } from "@/db/schema";
import { holds, type Actor } from "./actor";

export interface EditionResource {
  teamId: string;
  visibility: Visibility;
}

/**
 * A published edition: a public one is anyone's, signed in or not; a team one
 * is for members of every role. Withdrawn editions are not found at all (the
 * queries leave them out), so no rule here needs to know.
 */
export const editionPolicy = {
  read: (actor: Actor | null, edition: EditionResource) => edition.visibility === "public" || holds(actor, edition.teamId, "readBriefs"),
  /** Mentions in an edition link to the team's pages about them, for members only. */
  followMentions: (actor: Actor | null, edition: EditionResource) => holds(actor, edition.teamId, "readBriefs"),
};
