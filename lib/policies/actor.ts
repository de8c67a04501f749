import type { Role } from "@/db/schema";
import { roleHas, type Grant } from "./grants";

/**
 * Who asks: a member of one team, with their role there. Someone signed out,
 * or not a member of the resource's team, is `null` to a policy.
 */
export interface Actor {
  userId: string;
  teamId: string;
  role: Role;
}

/** A policy's verdict: allowed, refused, or refused with a reason the user can act on. */
export type Verdict = boolean | Refusal;

export interface Refusal {
  refused: "bad_request" | "forbidden";
  message: string;
}

/** A refusal the user can do something about ("request a review first"). */
export const because = (message: string): Refusal => ({ refused: "bad_request", message });

/** A refusal for the role, with a sentence saying who may. */
export const onlyFor = (message: string): Refusal => ({ refused: "forbidden", message });

/** Whether the actor is a member of this team whose role has the grant. */
export function holds(actor: Actor | null, teamId: string, grant: Grant): actor is Actor {
  return actor !== null && actor.teamId === teamId && roleHas(actor.role, grant);
}


/** The plainest rule: members of the resource's team whose role has the grant. */
export const grantedTo =
  <T extends { teamId: string }>(grant: Grant) =>
  (actor: Actor | null, resource: T): boolean =>
    holds(actor, resource.teamId, grant);
