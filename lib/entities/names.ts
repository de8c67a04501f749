import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { entities, entityNames } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { capitalise, entityKind, type EntityKind } from "@/lib/entity-kinds";
import { inBatches } from "@/lib/batches";

export const nameKey = (name: string) => name.trim().toLocaleLowerCase("en");

/**
 * Records an entity's name and aliases as its names. A name another entity of
 * the same kind already has (as its name or an alias) is refused with the
 * name of that entity.
 */
export async function claimNames(
  tx: Executor,
  entity: { id: string; teamId: string; kind: EntityKind },
  names: string[],
): Promise<void> {
  const keys = [...new Set(names.map(nameKey))];
  const [taken] = await tx
    .select({ name: entities.name })
    .from(entityNames)
    .innerJoin(entities, eq(entities.id, entityNames.entityId))
    .where(
      and(
        eq(entityNames.teamId, entity.teamId),
        eq(entityNames.kind, entity.kind),
        inArray(entityNames.nameKey, keys),
        ne(entityNames.entityId, entity.id),
      ),
    )
    .limit(1);
  if (taken) throw conflict(`${capitalise(entityKind(entity.kind).label.a)} with that name or alias already exists: “${taken.name}”.`);
  await tx.delete(entityNames).where(eq(entityNames.entityId, entity.id));
  await tx.insert(entityNames).values(keys.map((key) => ({ teamId: entity.teamId, kind: entity.kind, nameKey: key, entityId: entity.id })));
}

/**
 * Records names of many entities at once (an import), under the same rule as
 * claimNames: a name another entity of the kind has is refused, and the whole
 * change with it. The caller has already left out the names its entities
 * have; `names` holds each entity's new names only.
 */
export async function claimNewNames(tx: Executor, teamId: string, names: { entityId: string; kind: EntityKind; name: string }[]): Promise<void> {
  // One row per entity and key: two entities with one name both ask for it, and one is refused below.
  const rows = [...new Map(names.map(({ entityId, kind, name }) => [`${entityId} ${nameKey(name)}`, { teamId, kind, nameKey: nameKey(name), entityId }])).values()];
  for (const batch of inBatches(rows, 5_000)) {
    const claimed = await tx.insert(entityNames).values(batch).onConflictDoNothing().returning({ entityId: entityNames.entityId, nameKey: entityNames.nameKey });
    if (claimed.length === batch.length) continue;
    const got = new Set(claimed.map((row) => `${row.entityId} ${row.nameKey}`));
    const taken = batch.find((row) => !got.has(`${row.entityId} ${row.nameKey}`))!;
    throw conflict(`${capitalise(entityKind(taken.kind).label.a)} named “${taken.nameKey}” already exists; nothing was imported. Please try again.`);
  }
}
