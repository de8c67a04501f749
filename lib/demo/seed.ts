import { sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createNote } from "@/lib/notes/queries";
import { addMember, createTeam } from "@/lib/teams/queries";
import { createUser } from "@/lib/users/queries";
import { DEMO_PASSWORD, DEMO_TEAM, DEMO_USERS } from "./accounts";
import { DEMO_NOTES } from "./content";

/** Creates the demo team, users and notes on an empty database; does nothing otherwise. */
export async function seedDemo(): Promise<boolean> {
  const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return false;

  await db().transaction(async (tx) => {
    const created = [];
    for (const demoUser of Object.values(DEMO_USERS)) {
      created.push({ user: await createUser({ ...demoUser, password: DEMO_PASSWORD }, tx), role: demoUser.role });
    }
    const owner = created.find((c) => c.role === "owner")!.user;
    const analyst = created.find((c) => c.role === "analyst")!.user;
    const team = await createTeam({ ...DEMO_TEAM, ownerId: owner.id }, tx);
    for (const { user, role } of created) if (role !== "owner") await addMember(team.id, user.id, role, tx);
    for (const note of DEMO_NOTES) await createNote({ teamId: team.id, userId: analyst.id, ...note }, tx);
  });
  return true;
}
