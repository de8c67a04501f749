import { holds, type Actor } from "./actor";

export interface ApiTokenResource {
  teamId: string;
  userId: string;
}

/**
 * Personal API tokens (lib/api/): a member's own, for one team. A request
 * with one acts as its owner under their role of today, narrowed by the
 * token's scope, so a token can never do what its owner may not.
 */
export const apiTokenPolicy = {
  manage: (actor: Actor | null, token: ApiTokenResource) => holds(actor, token.teamId, "readBriefs") && token.userId === actor.userId,
};
