import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, teams, users, type Role, type Team } from "@/db/schema";
import { closeMemberConnections } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { revokeMemberCredentials } from "./member-credentials";
import { badRequest, notFound } from "@/lib/errors";
import type { Actor } from "@/lib/policies";
import { RESERVED_SLUGS, TEAM_SLUG_MAX } from "./team-fields";

export interface TeamMembership {
  team: Team;
  role: Role;
}

export async function teamsOfUser(userId: string, tx: Executor = db()): Promise<TeamMembership[]> {
  const rows = await tx
    .select({ team: teams, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
  return rows;
}

/** The user's membership of the team with this slug, or undefined when they are not a member. */
export async function membershipBySlug(
  userId: string,
  slug: string,
  tx: Executor = db(),
): Promise<TeamMembership | undefined> {
  const [row] = await tx
    .select({ team: teams, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, userId), eq(teams.slug, slug)));
  return row;
}

export async function roleInTeam(userId: string, teamId: string, tx: Executor = db()): Promise<Role | undefined> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.teamId, teamId)));
  return row?.role;
}

/** The user as a member of this team, for the policies; null when they are not one. */
export async function actorInTeam(userId: string, teamId: string, tx: Executor = db()): Promise<Actor | null> {
  const role = await roleInTeam(userId, teamId, tx);
  return role ? { userId, teamId, role } : null;
}

export async function createTeam(input: { name: string; slug: string; ownerId: string }, tx: Executor = db()) {
  const [team] = await tx.insert(teams).values({ name: input.name, slug: input.slug }).returning();
  await tx.insert(memberships).values({ teamId: team.id, userId: input.ownerId, role: "owner" });
  return team;
}

export async function addMember(teamId: string, userId: string, role: Role, tx: Executor = db()) {
  await tx
    .insert(memberships)
    .values({ teamId, userId, role })
    .onConflictDoUpdate({ target: [memberships.teamId, memberships.userId], set: { role, updatedAt: new Date() } });
}

export async function listMembers(teamId: string, tx: Executor = db()) {
  return tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(users.name));
}

/**
 * The team's owners, counted with their rows locked until the transaction
 * ends: two owners stepping down at once (a role change, a removal, leaving)
 * then take turns, and the second sees the first gone.
 */
async function ownerCount(teamId: string, tx: Executor): Promise<number> {
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")))
    .for("update");
  return owners.length;
}

/**
 * Refuses to leave a team without an owner, when `userId` stops being one
 * (a role change, a removal, leaving), with the sentence given; returns their
 * role. Runs inside the caller's transaction.
 */
export async function assertKeepsAnOwner(
  teamId: string,
  userId: string,
  tx: Executor,
  refusals = { notMember: "That member", lastOwner: "A team needs at least one owner: make someone else owner first." },
): Promise<Role> {
  const current = await roleInTeam(userId, teamId, tx);
  if (!current) throw notFound(refusals.notMember);
  if (current === "owner" && (await ownerCount(teamId, tx)) <= 1) throw badRequest(refusals.lastOwner);
  return current;
}

/**
 * Changes a member's role, by `changedBy`; recorded. Once committed, the
 * member's open editors are closed on every process: they reconnect and are
 * let in (or not) under the new role.
 */
export async function changeRole(teamId: string, userId: string, role: Role, changedBy: string) {
  await runCommand(async ({ tx, audit, afterCommit }) => {
    if (role === "owner") {
      if (!(await roleInTeam(userId, teamId, tx))) throw notFound("That member");
    } else {
      await assertKeepsAnOwner(teamId, userId, tx);
    }
    await tx
      .update(memberships)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    await audit({ teamId, userId: changedBy, action: "member.role_changed", target: userId, data: { role } });
    afterCommit(() => closeMemberConnections(teamId, userId));
  });
}

/** Removes a member, by `removedBy`; recorded. Once committed, their open editors are closed on every process. */
export async function removeMember(teamId: string, userId: string, removedBy: string) {
  await runCommand(async ({ tx, audit, afterCommit }) => {
    await assertKeepsAnOwner(teamId, userId, tx);
    await tx.delete(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)));
    await revokeMemberCredentials(tx, teamId, userId);
    await audit({ teamId, userId: removedBy, action: "member.removed", target: userId });
    afterCommit(() => closeMemberConnections(teamId, userId));
  });
}

/**
 * A URL slug from a team name: "Korea Desk" → "korea-desk", with a suffix when
 * taken or reserved; always one the settings page would accept (team-fields.ts).
 */
export async function availableSlug(name: string, tx: Executor = db()): Promise<string> {
  const words = (text: string) => text.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const base = words(words(name.normalize("NFKD").toLowerCase()).slice(0, TEAM_SLUG_MAX - 4)) || "team";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (RESERVED_SLUGS.has(slug)) continue;
    const [taken] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug));
    if (!taken) return slug;
  }
}

export async function teamBySlug(slug: string, tx: Executor = db()): Promise<Team | undefined> {
  const [team] = await tx.select().from(teams).where(eq(teams.slug, slug));
  return team;
}
