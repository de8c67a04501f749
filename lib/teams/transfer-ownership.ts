import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { memberships } from "@/db/schema";
import { closeMemberConnections } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { badRequest, forbidden, notFound } from "@/lib/errors";

/**
 * An owner hands the team to another member: in one transaction the member
 * becomes an owner and the one handing it on an analyst; recorded. Once
 * committed, both members' open editors are closed, so they reconnect under
 * their new roles.
 */
export function transferOwnership(teamId: string, fromUserId: string, toUserId: string): Promise<void> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    if (fromUserId === toUserId) throw badRequest("Choose another member to hand the team to.");
    // Both rows are locked: a role change or removal running at the same time waits for this one.
    const rows = await tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.teamId, teamId), inArray(memberships.userId, [fromUserId, toUserId])))
      .for("update");
    const from = rows.find((row) => row.userId === fromUserId);
    const to = rows.find((row) => row.userId === toUserId);
    if (from?.role !== "owner") throw forbidden("Only an owner can hand the team on.");
    if (!to) throw notFound("That member");

    const now = new Date();
    await tx.update(memberships).set({ role: "owner", updatedAt: now }).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, toUserId)));
    await tx.update(memberships).set({ role: "analyst", updatedAt: now }).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, fromUserId)));
    await audit({ teamId, userId: fromUserId, action: "team.ownership_transferred", target: toUserId, data: { formerRole: to.role, formerOwnerRole: "analyst" } });
    afterCommit(() => closeMemberConnections(teamId, toUserId));
    afterCommit(() => closeMemberConnections(teamId, fromUserId));
    afterCommit(() => refreshTeamPages(teamId));
  });
}
