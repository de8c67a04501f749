import { because, grantedTo, holds, type Actor, type Verdict } from "./actor";

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
   * their team (another owner, or themselves, included) who belongs to no
   * other team. A password opens the whole account, so an owner of one team
   * must not take over what its holder reads in teams that owner has no part
   * in (anyone may start a team and invite someone into it).
   */
  resetPassword: (actor: Actor | null, resource: MemberResource): Verdict => {
    const member = resource.member;
    if (!holds(actor, resource.teamId, "manageMembers") || !member?.teamIds.includes(resource.teamId)) return false;
    if (member.userId !== actor!.userId && member.teamIds.some((teamId) => teamId !== resource.teamId)) {
      return because("This member belongs to other teams too, so only they can set a new password: “Forgot password?” on the sign-in page mails them a link.");
    }
    return true;
  },
};
