import { holds, type Actor } from "./actor";

export interface FeedTokenResource {
  teamId: string;
  userId: string;
}

/**
 * Personal feed tokens: a member's own, to read the team's briefs in a feed
 * reader. A token opens a feed as its owner, under their role of today.
 */
export const feedTokenPolicy = {
  manage: (actor: Actor | null, token: FeedTokenResource) => holds(actor, token.teamId, "readBriefs") && token.userId === actor.userId,
};
