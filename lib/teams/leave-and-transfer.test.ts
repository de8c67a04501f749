import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { CLOSE_ACCESS_CHANGED } from "@/lib/collab/context";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, buildUser } from "@/lib/testing/factories";
import { LAST_OWNER_CANNOT_LEAVE, leaveTeam } from "./leave-team";
import { changeRole, removeMember, roleInTeam, teamsOfUser } from "./queries";
import { transferOwnership } from "./transfer-ownership";

useTestDatabase();
// Leaving and handing the team on close the members' open editors through the running collaboration server.
const collab = useCollabServer();

const audited = (teamId: string, action: string) =>
  db()
    .select({ userId: auditLog.userId, target: auditLog.target, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.createdAt));

/** An open, synced editor of a note of the team, as `userId`. */
async function openEditor(noteId: string, userId: string) {
  const editor = await collab().connect(noteId, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  return editor;
}

describe("leaving a team", () => {
  it("takes a member out of the team on record, and closes their open editors", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, owner.id);
    const editor = await openEditor(note.id, analyst.id);

    await leaveTeam(team.id, analyst.id);
    expect(await roleInTeam(analyst.id, team.id)).toBeUndefined();
    expect(await teamsOfUser(analyst.id)).toEqual([]);
    expect(await audited(team.id, "member.left")).toEqual([{ userId: analyst.id, target: null, data: { role: "analyst" } }]);
    await eventually(() => expect(editor.events.closes).toEqual([CLOSE_ACCESS_CHANGED.code]));
    // Reconnecting, they are no longer let in.
    await eventually(() => expect(editor.events.denied).toEqual(["not-found"]));
  });

  it("refuses the last owner with a sentence saying what to do, and lets an owner go while another stays", async () => {
    const { team, owner } = await buildTeam();
    await expect(leaveTeam(team.id, owner.id)).rejects.toMatchObject({ code: "bad_request", message: LAST_OWNER_CANNOT_LEAVE });
    expect(await roleInTeam(owner.id, team.id)).toBe("owner");
    expect(await audited(team.id, "member.left")).toEqual([]);

    const second = await buildMember(team.id, "analyst");
    await changeRole(team.id, second.id, "owner", owner.id);
    await leaveTeam(team.id, owner.id);
    expect(await roleInTeam(owner.id, team.id)).toBeUndefined();
    await expect(leaveTeam(team.id, second.id)).rejects.toMatchObject({ message: LAST_OWNER_CANNOT_LEAVE });
    expect(await roleInTeam(second.id, team.id)).toBe("owner");
  });

  it("lets exactly one of two owners leaving at once go, so the team keeps an owner", async () => {
    const { team, owner } = await buildTeam();
    const second = await buildMember(team.id, "owner");
    const results = await Promise.allSettled([leaveTeam(team.id, owner.id), leaveTeam(team.id, second.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const roles = [await roleInTeam(owner.id, team.id), await roleInTeam(second.id, team.id)];
    expect(roles.filter((role) => role === "owner")).toHaveLength(1);
  });

  it("lets only one of two owners step down at once, however each does it (leaving, a role change, a removal)", async () => {
    const { team, owner } = await buildTeam();
    const second = await buildMember(team.id, "owner");
    const results = await Promise.allSettled([leaveTeam(team.id, owner.id), changeRole(team.id, second.id, "analyst", second.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const third = await buildTeam();
    const thirdOwner = await buildMember(third.team.id, "owner");
    await Promise.allSettled([changeRole(third.team.id, third.owner.id, "reader", third.owner.id), removeMember(third.team.id, thirdOwner.id, third.owner.id)]);
    for (const [teamId, members] of [[team.id, [owner, second]], [third.team.id, [third.owner, thirdOwner]]] as const) {
      const roles = await Promise.all(members.map((member) => roleInTeam(member.id, teamId)));
      expect(roles.filter((role) => role === "owner")).toHaveLength(1);
    }
  });

  it("answers not found to someone who is not a member", async () => {
    const { team } = await buildTeam();
    const stranger = await buildUser();
    await expect(leaveTeam(team.id, stranger.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await audited(team.id, "member.left")).toEqual([]);
  });
});

describe("transferring ownership", () => {
  it("makes the member an owner and the former owner an analyst, on record, and closes both their editors", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await buildNote(team.id, owner.id);
    const ownerEditor = await openEditor(note.id, owner.id);
    const reviewerEditor = await openEditor(note.id, reviewer.id);
    // A reviewer's socket is let in to write their own suggestions, so it is not read-only either.
    expect(reviewerEditor.events.authenticated).toEqual(["read-write"]);

    await transferOwnership(team.id, owner.id, reviewer.id);
    expect(await roleInTeam(reviewer.id, team.id)).toBe("owner");
    expect(await roleInTeam(owner.id, team.id)).toBe("analyst");
    expect(await audited(team.id, "team.ownership_transferred")).toEqual([
      { userId: owner.id, target: reviewer.id, data: { formerRole: "reviewer", formerOwnerRole: "analyst" } },
    ]);
    // Both reconnect under their new roles: the former reviewer may now edit, not only suggest.
    await eventually(() => expect(reviewerEditor.events.closes).toEqual([CLOSE_ACCESS_CHANGED.code]));
    await eventually(() => expect(reviewerEditor.events.authenticated).toEqual(["read-write", "read-write"]));
    await eventually(() => expect(ownerEditor.events.closes).toEqual([CLOSE_ACCESS_CHANGED.code]));
  });

  it("refuses to hand the team to someone outside it, or to oneself, and changes nothing", async () => {
    const { team, owner } = await buildTeam();
    const { owner: stranger } = await buildTeam();
    await expect(transferOwnership(team.id, owner.id, stranger.id)).rejects.toMatchObject({ code: "not_found", message: "That member was not found." });
    await expect(transferOwnership(team.id, owner.id, owner.id)).rejects.toMatchObject({ code: "bad_request" });
    expect(await roleInTeam(owner.id, team.id)).toBe("owner");
    expect(await roleInTeam(stranger.id, team.id)).toBeUndefined();
    expect(await audited(team.id, "team.ownership_transferred")).toEqual([]);
  });

  it("refuses a member who is no longer an owner", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const reader = await buildMember(team.id, "reader");
    await expect(transferOwnership(team.id, analyst.id, reader.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleInTeam(reader.id, team.id)).toBe("reader");
    expect(await roleInTeam(owner.id, team.id)).toBe("owner");
  });
});
