import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { editionEntities, entities, entityTags, follows, noteEntities, notes, noteUpdates, type Entity } from "@/db/schema";
import { replaceMentions } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { badRequest } from "@/lib/errors";
import { ENTITY_KINDS, entityKind, wordList } from "@/lib/entity-kinds";
import { claimNames, nameKey } from "./names";
import { getEntity } from "./queries";

/**
 * Notes whose document may mention the entity: those linked to it, and those
 * with logged updates not yet stored, since links are derived only on store
 * and a mention typed a moment ago is not linked yet.
 */
async function notesMentioning(teamId: string, entityId: string): Promise<string[]> {
  const linked = await db().select({ noteId: noteEntities.noteId }).from(noteEntities).where(eq(noteEntities.entityId, entityId));
  const pending = await db()
    .selectDistinct({ noteId: noteUpdates.noteId })
    .from(noteUpdates)
    .innerJoin(notes, eq(notes.id, noteUpdates.noteId))
    .where(eq(notes.teamId, teamId));
  return [...new Set([...linked, ...pending].map((row) => row.noteId))];
}

/**
 * Merges `removeId` into `keepId`: mentions in every note are pointed at the
 * kept entity (through Yjs, so open editors see it), and its names become
 * aliases, its relations, tags, links and followers move over. Nothing is left pointing
 * at the removed entity.
 */
export async function mergeEntities(teamId: string, keepId: string, removeId: string, userId: string): Promise<Entity> {
  if (keepId === removeId) throw badRequest("Choose two different entries to merge.");
  const [keep, remove] = [await getEntity(teamId, keepId), await getEntity(teamId, removeId)];
  if (keep.kind !== remove.kind) throw badRequest(`Only ${wordList(ENTITY_KINDS.map((kind) => `two ${entityKind(kind).label.many}`), "or")} can be merged.`);

  await replaceMentions(await notesMentioning(teamId, remove.id), remove.id, { id: keep.id, label: keep.name }, userId);

  return runCommand(async ({ tx, audit }) => {
    const aliases = [...keep.aliases, remove.name, ...remove.aliases].filter(
      (name, i, all) => nameKey(name) !== nameKey(keep.name) && all.findIndex((n) => nameKey(n) === nameKey(name)) === i,
    );
    // Move what can move; duplicates of what `keep` already has go with the removed entity.
    if (entityKind(keep.kind).participation === "participant") {
      await tx.execute(sql`update entity_relations r set actor_id = ${keep.id} where r.actor_id = ${remove.id}
        and not exists (select 1 from entity_relations x where x.actor_id = ${keep.id} and x.event_id = r.event_id)`);
    } else {
      await tx.execute(sql`update entity_relations r set event_id = ${keep.id} where r.event_id = ${remove.id}
        and not exists (select 1 from entity_relations x where x.event_id = ${keep.id} and x.actor_id = r.actor_id)`);
    }
    await tx.execute(
      sql`insert into ${entityTags} (entity_id, tag_id) select ${keep.id}, tag_id from ${entityTags} where entity_id = ${remove.id} on conflict do nothing`,
    );
    // Notes whose stored links still name the removed entity (the rewrite above relinks the rest on store).
    await tx.execute(
      sql`insert into ${noteEntities} (note_id, entity_id, team_id, mentions, snippets)
          select note_id, ${keep.id}, team_id, mentions, snippets from ${noteEntities} where entity_id = ${remove.id}
          on conflict (note_id, entity_id) do update set mentions = ${noteEntities}.mentions + excluded.mentions`,
    );
    // Published editions keep their frozen sentences; they now stand under the kept entity.
    await tx.execute(
      sql`insert into ${editionEntities} (edition_id, entity_id, team_id, mentions, snippets)
          select edition_id, ${keep.id}, team_id, mentions, snippets from ${editionEntities} where entity_id = ${remove.id}
          on conflict (edition_id, entity_id) do update set mentions = ${editionEntities}.mentions + excluded.mentions`,
    );
    // Its followers follow the kept entity (once, if they followed both).
    await tx.execute(
      sql`insert into ${follows} (user_id, team_id, entity_id, created_at)
          select user_id, team_id, ${keep.id}, created_at from ${follows} where entity_id = ${remove.id}
          on conflict do nothing`,
    );
    await tx.delete(entities).where(eq(entities.id, remove.id));
    const [merged] = await tx
      .update(entities)
      .set({ aliases, summary: keep.summary || remove.summary, updatedAt: new Date() })
      .where(eq(entities.id, keep.id))
      .returning();
    await claimNames(tx, merged, [merged.name, ...aliases]);
    await audit({ teamId, userId, action: "entity.merged", target: merged.id, data: { removed: remove.id } });
    return merged;
  });
}

/** Deletes an entity; its mentions in notes become plain text, through Yjs. Recorded. */
export async function deleteEntityEverywhere(teamId: string, id: string, userId: string): Promise<Entity> {
  const entity = await getEntity(teamId, id);
  await replaceMentions(await notesMentioning(teamId, entity.id), entity.id, null, userId);
  return runCommand(async ({ tx, audit }) => {
    await tx.delete(entities).where(and(eq(entities.id, entity.id), eq(entities.teamId, teamId)));
    await audit({ teamId, userId, action: "entity.deleted", target: entity.id, data: { name: entity.name } });
    return entity;
  });
}
