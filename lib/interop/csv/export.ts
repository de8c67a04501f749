import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { entities } from "@/db/schema";
import { inBatches } from "@/lib/batches";
import type { EntityKind } from "@/lib/entity-kinds";
import { tagsOfEntities } from "@/lib/tags/queries";
import { entitiesCsv } from "./write";

/** Every entity of a kind in the team, by name, with its tags, as CSV. */
export async function exportEntitiesCsv(teamId: string, kind: EntityKind): Promise<string> {
  const list = await db()
    .select()
    .from(entities)
    .where(and(eq(entities.teamId, teamId), eq(entities.kind, kind)))
    .orderBy(asc(sql`lower(${entities.name})`), asc(entities.id));
  const tags = new Map<string, string[]>();
  for (const batch of inBatches(list, 5_000)) for (const [id, names] of await tagsOfEntities(batch.map((entity) => entity.id))) tags.set(id, names);
  return entitiesCsv(list.map((entity) => ({ ...entity, tags: tags.get(entity.id) ?? [] })));
}
