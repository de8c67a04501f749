import "server-only";
import { eq } from "drizzle-orm";
import { users, type Role, type Team, type User } from "@/db/schema";
import { lockOutAccount } from "@/lib/auth/lock-out";
import { runCommand } from "@/lib/commands/command";
import { AppError, badRequest, conflict } from "@/lib/errors";
import { addMember, createTeam, teamBySlug } from "@/lib/teams/queries";
import { lockAccountCreation } from "@/lib/users/account-lock";
import { hashPassword } from "@/lib/users/password";
import { createUser, findUserByEmail } from "@/lib/users/queries";

/**
 * What operators do from the command line (scripts/admin): create an account,
 * with a team to join or to start, and set a new password. Each is one
 * command with its audit entries; no user did it, so the entries name none
 * and say where they came from.
 */
const VIA = { via: "command line" };

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  /** The team to join by its slug with this role, or to create when `name` is given (its first member is its owner). */
  team?: { slug: string; name?: string; role: Role };
}

export async function createAccount(input: NewAccount): Promise<{ user: User; team?: Team; teamCreated: boolean }> {
  const { team: wanted } = input;
  if (wanted?.name !== undefined && wanted.role !== "owner") throw badRequest("A new team's first member is its owner: use --role owner, or leave out --team-name to join a team.");
  return runCommand(async ({ tx, audit }) => {
    // The same lock as the first start's: an account made here while someone is on /setup makes that setup refuse.
    await lockAccountCreation(tx);
    const user = await createUser({ email: input.email, name: input.name, password: input.password }, tx);
    await audit({ action: "user.created", target: user.id, data: { email: user.email, ...VIA } });
    if (!wanted) return { user, teamCreated: false };

    const existing = await teamBySlug(wanted.slug, tx);
    if (wanted.name !== undefined) {
      if (existing) throw conflict(`A team at /t/${wanted.slug} already exists; leave out --team-name to join it.`);
      const team = await createTeam({ name: wanted.name, slug: wanted.slug, ownerId: user.id }, tx);
      await audit({ teamId: team.id, action: "team.created", target: team.slug, data: VIA });
      await audit({ teamId: team.id, action: "member.added", target: user.id, data: { role: "owner", ...VIA } });
      return { user, team, teamCreated: true };
    }
    if (!existing) throw new AppError("not_found", `There is no team at /t/${wanted.slug}; give --team-name to create it.`);
    await addMember(existing.id, user.id, wanted.role, tx);
    await audit({ teamId: existing.id, action: "member.added", target: user.id, data: { role: wanted.role, ...VIA } });
    return { user, team: existing, teamCreated: false };
  });
}

/**
 * Sets a new password and ends every session, reset link and feed link of
 * the account, in one transaction; once committed, the account's open editors are closed on
 * every process the collaboration operations reach. Returns how many sessions were open.
 */
export async function resetPassword(email: string, password: string): Promise<{ user: User; sessionsEnded: number }> {
  const passwordHash = await hashPassword(password);
  return runCommand(async (command) => {
    const found = await findUserByEmail(email, command.tx);
    if (!found) throw new AppError("not_found", `There is no account with the e-mail address ${email}.`);
    const [user] = await command.tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, found.id)).returning();
    const sessionsEnded = await lockOutAccount(command, user.id);
    await command.audit({ action: "user.password_reset", target: user.id, data: { email: user.email, sessionsEnded, ...VIA } });
    return { user, sessionsEnded };
  });
}
