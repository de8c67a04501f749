import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { entities, entityTags, notes, noteTags, tags, type Tag } from "@/db/schema";
import { inBatches } from "@/lib/batches";

/** The team's tags with these names, in their order, created as needed (matched case-insensitively): a few queries for any number. */
async function ensureTags(teamId: string, names: string[], tx: Executor = db()): Promise<Tag[]> {
  const wanted = [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
  const byName = new Map<string, Tag>();
  for (const batch of inBatches(wanted, 1_000)) {
    await tx
      .insert(tags)
      .values(batch.map((name) => ({ teamId, name })))
      .onConflictDoNothing();
    const found = await tx
      .select()
      .from(tags)
      .where(and(eq(tags.teamId, teamId), inArray(sql`lower(${tags.name})`, batch.map((name) => name.toLowerCase()))));
    for (const tag of found) byName.set(tag.name.toLowerCase(), tag);
  }
  return names.map((name) => byName.get(name.toLowerCase())!);
}

/** Adds tags to many entities at once (an import), keeping the tags they have. */
export async function addEntityTags(teamId: string, tagged: { entityId: string; tag: string }[], tx: Executor = db()) {
  if (tagged.length === 0) return;
  const found = await ensureTags(
    teamId,
    tagged.map((row) => row.tag),
    tx,
  );
  const rows = tagged.map((row, i) => ({ entityId: row.entityId, tagId: found[i].id }));
  for (const batch of inBatches(rows, 10_000)) await tx.insert(entityTags).values(batch).onConflictDoNothing();
}

export async function setEntityTags(teamId: string, entityId: string, names: string[], tx: Executor = db()) {
  const wanted = await ensureTags(teamId, names, tx);
  await tx.delete(entityTags).where(eq(entityTags.entityId, entityId));
  if (wanted.length > 0) await tx.insert(entityTags).values(wanted.map((tag) => ({ entityId, tagId: tag.id })));
}

export async function setNoteTags(teamId: string, noteId: string, names: string[], tx: Executor = db()) {
  const wanted = await ensureTags(teamId, names, tx);
  await tx.delete(noteTags).where(eq(noteTags.noteId, noteId));
  if (wanted.length > 0) await tx.insert(noteTags).values(wanted.map((tag) => ({ noteId, tagId: tag.id })));
}

export async function tagsOfEntities(entityIds: string[], tx: Executor = db()): Promise<Map<string, string[]>> {
  const byEntity = new Map<string, string[]>();
  if (entityIds.length === 0) return byEntity;
  const rows = await tx
    .select({ entityId: entityTags.entityId, name: tags.name })
    .from(entityTags)
    .innerJoin(tags, eq(tags.id, entityTags.tagId))
    .where(inArray(entityTags.entityId, entityIds))
    .orderBy(asc(tags.name));
  for (const row of rows) byEntity.set(row.entityId, [...(byEntity.get(row.entityId) ?? []), row.name]);
  return byEntity;
}

export async function tagsOfNote(noteId: string, tx: Executor = db()): Promise<string[]> {
  const rows = await tx
    .select({ name: tags.name })
    .from(noteTags)
    .innerJoin(tags, eq(tags.id, noteTags.tagId))
    .where(eq(noteTags.noteId, noteId))
    .orderBy(asc(tags.name));
  return rows.map((row) => row.name);
}

export async function listTags(teamId: string, tx: Executor = db()) {
  return tx.select().from(tags).where(eq(tags.teamId, teamId)).orderBy(asc(tags.name));
}

/** Everything a tag is on, in one team. */
export async function taggedWith(teamId: string, name: string, tx: Executor = db()) {
  const [tag] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.teamId, teamId), eq(sql`lower(${tags.name})`, name.toLowerCase())));
  if (!tag) return null;
  const [taggedNotes, taggedEntities] = await Promise.all([
    tx
      .select({ id: notes.id, title: notes.title, status: notes.status, updatedAt: notes.updatedAt })
      .from(noteTags)
      .innerJoin(notes, eq(notes.id, noteTags.noteId))
      .where(eq(noteTags.tagId, tag.id))
      .orderBy(asc(notes.title)),
    tx
      .select({ id: entities.id, kind: entities.kind, name: entities.name })
      .from(entityTags)
      .innerJoin(entities, eq(entities.id, entityTags.entityId))
      .where(eq(entityTags.tagId, tag.id))
      .orderBy(asc(entities.name)),
  ]);
  return { tag, notes: taggedNotes, entities: taggedEntities };
}
