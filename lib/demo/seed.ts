import { sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createNote } from "@/lib/notes/queries";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { entityRelations, sourceChanges, sources } from "@/db/schema";
import type { Executor } from "@/db";
import { addMember, createTeam } from "@/lib/teams/queries";
import { createUser } from "@/lib/users/queries";
import { DEMO_PASSWORD, DEMO_TEAM, DEMO_USERS } from "./accounts";
import { DEMO_ACTORS, DEMO_EVENTS, DEMO_NOTES, DEMO_SOURCES, type DemoKey, type DemoSourceKey } from "./content";

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
    const ids = { ...(await seedDemoEntities(team.id, analyst.id, tx)), ...(await seedDemoSources(team.id, analyst.id, tx)) };
    for (const note of DEMO_NOTES) await createNote({ teamId: team.id, userId: analyst.id, ...note, content: note.content(ids) }, tx);
  });
  return true;
}

/** The register's demo sources with their first grade, in the seed's transaction. */
async function seedDemoSources(teamId: string, userId: string, tx: Executor): Promise<Record<DemoSourceKey, string>> {
  const ids = {} as Record<DemoSourceKey, string>;
  for (const [key, source] of Object.entries(DEMO_SOURCES)) {
    const [created] = await tx.insert(sources).values({ teamId, ...source, gradedBy: userId, createdBy: userId }).returning({ id: sources.id });
    await tx.insert(sourceChanges).values({ sourceId: created.id, teamId, kind: "graded", toReliability: source.reliability, changedBy: userId });
    ids[key as DemoSourceKey] = created.id;
  }
  return ids;
}

async function seedDemoEntities(teamId: string, userId: string, tx: Executor): Promise<Record<DemoKey, string>> {
  const ids = {} as Record<DemoKey, string>;
  for (const [key, actor] of Object.entries(DEMO_ACTORS)) {
    const input = actorInput.parse({ ...actor, aliases: [...actor.aliases] });
    ids[key as DemoKey] = (await createEntity(teamId, userId, { kind: "actor", ...input }, tx)).id;
  }
  for (const [key, event] of Object.entries(DEMO_EVENTS)) {
    const input = eventInput.parse({ ...event, aliases: [] });
    const created = await createEntity(teamId, userId, { kind: "event", ...input }, tx);
    ids[key as DemoKey] = created.id;
    for (const participant of event.participants) {
      await tx.insert(entityRelations).values({ teamId, eventId: created.id, actorId: ids[participant] });
    }
  }
  return ids;
}
