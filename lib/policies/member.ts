import { grantedTo, holds, type Actor } from "./actor";

export interface MemberResource {
  teamId: string;
  /** The person acted on, for a rule about one (a password reset link): the teams they belong to. */
  member?: { userId: string; teamIds: readonly string[] };
}

/** Memberships and invitations. Keeping a team with an owner is a rule of the data (lib/teams), not of who asks. */
export const memberPolicy = {
  /** The members page: who is in the team, open invitations. */
  list: grantedTo<MemberResource>("manageMembers"),
  invite: grantedTo<MemberResource>("manageMembers"),
  changeRole: grantedTo<MemberResource>("manageMembers"),
  remove: grantedTo<MemberResource>("manageMembers"),
  /**
   * A link that sets a new password for someone: an owner's, for a member of
   * their team (another owner, or themselves, included). Someone in several
   * teams may be given one by an owner of any of them: a password is the
   * account's, not a team's, and each of those owners is trusted with it.
   */
  resetPassword: (actor: Actor | null, resource: MemberResource) =>
    holds(actor, resource.teamId, "manageMembers") && resource.member !== undefined && resource.member.teamIds.includes(resource.teamId),
};
