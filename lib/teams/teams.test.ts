import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { CLOSE_ACCESS_CHANGED } from "@/lib/collab/context";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, buildUser } from "@/lib/testing/factories";
import { findUserByEmail, verifyCredentials } from "@/lib/users/queries";
import { acceptInvite, createInvite, findOpenInvite, signUpWithInvite } from "./invites";
import { availableSlug, changeRole, removeMember, roleInTeam, teamsOfUser } from "./queries";

useTestDatabase();
// Role changes and removals close the member's open editors through the running collaboration server.
const collab = useCollabServer();

/** The team's audit log, oldest first, as an owner reads it. */
const audited = (teamId: string) =>
  db()
    .select({ action: auditLog.action, userId: auditLog.userId, target: auditLog.target, data: auditLog.data })
    .from(auditLog)
    .where(eq(auditLog.teamId, teamId))
    .orderBy(asc(auditLog.createdAt));

describe("teams and invites", () => {
  it("stores passwords as argon2id hashes and checks them", async () => {
    const user = await buildUser({ email: "Mixed.Case@Example.test", password: "a long passphrase" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await verifyCredentials("mixed.case@example.test", "a long passphrase"))?.id).toBe(user.id);
    expect(await verifyCredentials("mixed.case@example.test", "wrong")).toBeNull();
    expect(await verifyCredentials("nobody@example.test", "a long passphrase")).toBeNull();
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await buildUser({ email: "taken@example.test" });
    await expect(buildUser({ email: "TAKEN@example.test" })).rejects.toThrow("An account with that email already exists.");
  });

  it("signs a newcomer up through an invite, once", async () => {
    const { team, owner } = await buildTeam();
    const { token } = await createInvite({ teamId: team.id, email: "New@Example.test", role: "reviewer", createdBy: owner.id });
    const { user, team: joined } = await signUpWithInvite(token, { name: "New Person", password: "long enough password" });
    expect(joined.id).toBe(team.id);
    expect(user.email).toBe("new@example.test");
    expect(await roleInTeam(user.id, team.id)).toBe("reviewer");
    expect(await findOpenInvite(token)).toBeUndefined();
    await expect(acceptInvite(token, owner.id)).rejects.toThrow("This invite link has expired or has already been used.");
  });

  it("leaves the invite open when sign-up fails, and creates no half account", async () => {
    const { team, owner } = await buildTeam();
    const existing = await buildUser();
    const { token } = await createInvite({ teamId: team.id, email: existing.email, role: "analyst", createdBy: owner.id });
    await expect(signUpWithInvite(token, { name: "Someone", password: "long enough password" })).rejects.toThrow(
      "An account with that email already exists.",
    );
    expect(await findOpenInvite(token)).toBeDefined();
    expect(await roleInTeam(existing.id, team.id)).toBeUndefined();
    // The existing user accepts it signed in instead.
    await acceptInvite(token, existing.id);
    expect(await roleInTeam(existing.id, team.id)).toBe("analyst");
  });

  it("lets only the invited address accept an invite: a link passed on opens nothing", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const { token } = await createInvite({ teamId: team.id, email: "Invited@Example.test", role: "analyst", createdBy: owner.id });
    await expect(acceptInvite(token, other.owner.id)).rejects.toThrow("This invite was sent to invited@example.test.");
    expect(await roleInTeam(other.owner.id, team.id)).toBeUndefined();
    expect(await findOpenInvite(token)).toBeDefined();
    const invited = await buildUser({ email: "invited@example.test" });
    expect((await acceptInvite(token, invited.id)).id).toBe(team.id);
    expect(await roleInTeam(invited.id, team.id)).toBe("analyst");
  });

  it("never lowers an existing member's role through an invite", async () => {
    const { team, owner } = await buildTeam();
    const { token } = await createInvite({ teamId: team.id, email: owner.email, role: "reader", createdBy: owner.id });
    await acceptInvite(token, owner.id);
    expect(await roleInTeam(owner.id, team.id)).toBe("owner");
  });

  it("keeps at least one owner in every team", async () => {
    const { team, owner } = await buildTeam();
    await expect(changeRole(team.id, owner.id, "analyst", owner.id)).rejects.toThrow("A team needs at least one owner");
    await expect(removeMember(team.id, owner.id, owner.id)).rejects.toThrow("A team needs at least one owner");
    const second = await buildMember(team.id, "analyst");
    await changeRole(team.id, second.id, "owner", owner.id);
    await changeRole(team.id, owner.id, "reader", second.id);
    expect(await roleInTeam(owner.id, team.id)).toBe("reader");
  });

  it("answers not found for a role change of someone outside the team", async () => {
    const { team, owner } = await buildTeam();
    const stranger = await buildUser();
    await expect(changeRole(team.id, stranger.id, "owner", owner.id)).rejects.toThrow("That member was not found.");
    expect(await roleInTeam(stranger.id, team.id)).toBeUndefined();
  });

  it("lists every team a user belongs to, for switching between them", async () => {
    const user = await buildUser();
    const first = await buildTeam(user);
    const { team: second } = await buildTeam();
    const { token } = await createInvite({ teamId: second.id, email: user.email, role: "reader", createdBy: user.id });
    await acceptInvite(token, user.id);
    const teams = await teamsOfUser(user.id);
    expect(teams.map((t) => [t.team.id, t.role]).sort()).toEqual(
      [
        [first.team.id, "owner"],
        [second.id, "reader"],
      ].sort(),
    );
    expect((await findUserByEmail(user.email))?.id).toBe(user.id);
  });

  it("makes URL slugs from team names and avoids taken ones", async () => {
    const { team } = await buildTeam();
    expect(await availableSlug("Korea Desk")).toBe("korea-desk");
    expect(await availableSlug(team.slug)).toBe(`${team.slug}-2`);
    expect(await availableSlug("!!!")).toBe("team");
  });
});

describe("changes to a team's members", () => {
  it("are on record, and a role change or removal closes the member's open editors at once", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildNote(team.id, owner.id);
    const { token } = await createInvite({ teamId: team.id, email: "Newcomer@Example.test", role: "analyst", createdBy: owner.id });
    const newcomer = await buildUser({ email: "newcomer@example.test" });
    await acceptInvite(token, newcomer.id);
    const editor = await collab().connect(note.id, newcomer.id);
    await eventually(() => expect(editor.events.authenticated).toEqual(["read-write"]));

    await changeRole(team.id, newcomer.id, "reviewer", owner.id);
    await eventually(() => expect(editor.events.closes).toEqual([CLOSE_ACCESS_CHANGED.code]));
    // It authenticates again as a reviewer: let in to write their own suggestions alone.
    await eventually(() => expect(editor.events.authenticated).toEqual(["read-write", "read-write"]));

    await removeMember(team.id, newcomer.id, owner.id);
    await eventually(() => expect(editor.events.closes).toEqual([CLOSE_ACCESS_CHANGED.code, CLOSE_ACCESS_CHANGED.code]));
    await eventually(() => expect(editor.events.denied).toEqual(["not-found"]));

    expect(await audited(team.id)).toEqual([
      { action: "member.invited", userId: owner.id, target: "newcomer@example.test", data: { role: "analyst" } },
      { action: "member.joined", userId: newcomer.id, target: null, data: { role: "analyst" } },
      { action: "member.role_changed", userId: owner.id, target: newcomer.id, data: { role: "reviewer" } },
      { action: "member.removed", userId: owner.id, target: newcomer.id, data: null },
    ]);
  });

  it("record nothing when refused", async () => {
    const { team, owner } = await buildTeam();
    await expect(changeRole(team.id, owner.id, "analyst", owner.id)).rejects.toThrow("A team needs at least one owner");
    await expect(removeMember(team.id, owner.id, owner.id)).rejects.toThrow("A team needs at least one owner");
    expect(await audited(team.id)).toEqual([]);
  });
});
