import "server-only";
import { db, type Executor } from "@/db";
import { users, type Team, type User } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { AppError, badRequest } from "@/lib/errors";
import { availableSlug, createTeam } from "@/lib/teams/queries";
import { lockAccountCreation } from "@/lib/users/account-lock";
import { createUser } from "@/lib/users/queries";
import { setupInput } from "./validation";

export const ALREADY_SET_UP = "Dossier is already set up. Sign in instead.";

/**
 * Once a process has seen a user, it stops asking: users are never all
 * deleted by Dossier itself. Kept on globalThis, since server.ts (which sends
 * every page to /setup until then) and the Next.js bundle (which sets up)
 * each hold a copy of this module.
 */
const key = Symbol.for("dossier.usersExist");
type Holder = { [key]?: true };

/** Whether this process knows of a user, without asking the database. */
export const knownSetUp = (): boolean => (globalThis as Holder)[key] === true;

/** Whether any account exists: the database is asked only until one does. */
export async function isSetUp(): Promise<boolean> {
  if (knownSetUp()) return true;
  const [row] = await db().select({ id: users.id }).from(users).limit(1);
  if (row) (globalThis as Holder)[key] = true;
  return Boolean(row);
}

async function anyUser(tx: Executor): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).limit(1);
  return Boolean(row);
}

/**
 * The first start: creates the first account and the first team, with that
 * person as its owner, in one transaction, and records both. Refused once any
 * account exists, checked under a lock so two setups at once make one
 * account; input that breaks a rule is refused before anything is written.
 */
export async function setUpDossier(raw: unknown): Promise<{ user: User; team: Team }> {
  const parsed = setupInput.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error.issues[0].message);
  const input = parsed.data;
  const created = await runCommand(async ({ tx, audit }) => {
    await lockAccountCreation(tx);
    if (await anyUser(tx)) throw new AppError("not_found", ALREADY_SET_UP);
    const user = await createUser({ email: input.email, name: input.name, password: input.password }, tx);
    const team = await createTeam({ name: input.teamName, slug: input.teamSlug ?? (await availableSlug(input.teamName, tx)), ownerId: user.id }, tx);
    await audit({ userId: user.id, action: "user.created", target: user.id, data: { email: user.email, via: "setup" } });
    await audit({ teamId: team.id, userId: user.id, action: "team.created", target: team.slug, data: { via: "setup" } });
    return { user, team };
  });
  (globalThis as Holder)[key] = true;
  return created;
}
