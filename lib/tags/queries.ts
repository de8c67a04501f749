import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { entities, entityTags, notes, noteTags, tags, type Tag } from "@/db/schema";

/** The team's tags with these names, created as needed (matched case-insensitively). */
async function ensureTags(teamId: string, names: string[], tx: Executor = db()): Promise<Tag[]> {
  const found: Tag[] = [];
  for (const name of names) {
    await tx.insert(tags).values({ teamId, name }).onConflictDoNothing();
    const [tag] = await tx
      .select()
      .from(tags)
      .where(and(eq(tags.teamId, teamId), eq(sql`lower(${tags.name})`, name.toLowerCase())));
    found.push(tag);
  }
  return found;
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
