import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { entities, entityNames } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { capitalise, entityKind, type EntityKind } from "@/lib/entity-kinds";

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
