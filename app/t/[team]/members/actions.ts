"use server";

import { z } from "zod";
import { ROLES } from "@/db/schema";
import { teamAction } from "@/lib/action";
import { createResetLinkForMember } from "@/lib/auth/password-resets";
import { createInvite, revokeInvite } from "@/lib/teams/invites";
import { changeRole, removeMember } from "@/lib/teams/queries";

const member = z.object({ team: z.string(), userId: z.uuid("That member was not found.") });

export const changeRoleAction = teamAction(member.extend({ role: z.enum(ROLES) }), "member.changeRole", async (input, { user, team }) => {
  await changeRole(team.id, input.userId, input.role, user.id);
});

export const removeMemberAction = teamAction(member, "member.remove", async (input, { user, team }) => {
  await removeMember(team.id, input.userId, user.id);
});

export const createInviteAction = teamAction(
  z.object({ team: z.string(), email: z.email("Enter a valid email address.").max(320), role: z.enum(ROLES) }),
  "member.invite",
  // The link, for the owner to pass on, and whether it was e-mailed too.
  async (input, { user, team }) => {
    const { link, emailed } = await createInvite({ teamId: team.id, email: input.email, role: input.role, createdBy: user.id });
    return { link, emailed };
  },
);

export const revokeInviteAction = teamAction(
  z.object({ team: z.string(), inviteId: z.uuid("That invite was not found.") }),
  "member.invite",
  async (input, { team }) => revokeInvite(team.id, input.inviteId),
);

/**
 * A link that sets a new password for a member, shown once to the owner to
 * hand over (for when no mail is sent, or none arrives). The members page is
 * the owner's; the link is asked of member.resetPassword for the member named.
 */
export const createResetLinkAction = teamAction(member, "member.list", (input, { actor }) => createResetLinkForMember(actor, input.userId));
