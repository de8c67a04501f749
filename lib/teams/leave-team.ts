import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { closeMemberConnections } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { revokeMemberCredentials } from "./member-credentials";
import { assertKeepsAnOwner } from "./queries";

export const LAST_OWNER_CANNOT_LEAVE =
  "You are the last owner of this team, so you cannot leave it: hand the team to another member first, or delete the team.";

/**
 * A member leaves the team; recorded. A team always keeps an owner, so its
 * last owner is refused. Once committed, the member's open editors of the
 * team's notes are closed on every process.
 */
export function leaveTeam(teamId: string, userId: string): Promise<void> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    // Counts the owners with their rows locked, so two owners leaving at once cannot leave the team with none.
    const role = await assertKeepsAnOwner(teamId, userId, tx, { notMember: "That team", lastOwner: LAST_OWNER_CANNOT_LEAVE });
    await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    await revokeMemberCredentials(tx, teamId, userId);
    await audit({ teamId, userId, action: "member.left", data: { role } });
    afterCommit(() => closeMemberConnections(teamId, userId));
  });
}
