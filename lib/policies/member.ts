import { grantedTo } from "./actor";

export interface MemberResource {
  teamId: string;
}

/** Memberships and invitations. Keeping a team with an owner is a rule of the data (lib/teams), not of who asks. */
export const memberPolicy = {
  /** The members page: who is in the team, open invitations. */
  list: grantedTo<MemberResource>("manageMembers"),
  invite: grantedTo<MemberResource>("manageMembers"),
  changeRole: grantedTo<MemberResource>("manageMembers"),
  remove: grantedTo<MemberResource>("manageMembers"),
};
