import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { closeMemberConnections } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { badRequest, notFound } from "@/lib/errors";

export const LAST_OWNER_CANNOT_LEAVE =
  "You are the last owner of this team, so you cannot leave it: hand the team to another member first, or delete the team.";

/**
 * A member leaves the team; recorded. A team always keeps an owner, so its
 * last owner is refused. Once committed, the member's open editors of the
 * team's notes are closed on every process.
 */
export function leaveTeam(teamId: string, userId: string): Promise<void> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    // The owners' rows are locked, so two owners leaving at once cannot leave the team with none.
    const owners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")))
      .for("update");
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    if (!member) throw notFound("That team");
    if (member.role === "owner" && owners.length <= 1) throw badRequest(LAST_OWNER_CANNOT_LEAVE);

    await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    await audit({ teamId, userId, action: "member.left", data: { role: member.role } });
    afterCommit(() => closeMemberConnections(teamId, userId));
  });
}
