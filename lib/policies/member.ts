import { holds, type Actor } from "./actor";

export interface MemberResource {
  teamId: string;
}

/** Memberships and invitations. Keeping a team with an owner is a rule of the data (lib/teams), not of who asks. */
export const memberPolicy = {
  /** The members page: who is in the team, open invitations. */
  list: (actor: Actor | null, member: MemberResource) => holds(actor, member.teamId, "manageMembers"),
  invite: (actor: Actor | null, member: MemberResource) => holds(actor, member.teamId, "manageMembers"),
  changeRole: (actor: Actor | null, member: MemberResource) => holds(actor, member.teamId, "manageMembers"),
  remove: (actor: Actor | null, member: MemberResource) => holds(actor, member.teamId, "manageMembers"),
};
