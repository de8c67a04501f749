"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { ENTITY_KINDS, entityPath, kindPath } from "@/lib/entity-kinds";
import { describeEntity } from "@/lib/entities/describe";
import { deleteEntityEverywhere, mergeEntities } from "@/lib/entities/merge";
import { addParticipant, createEntity, listEntities, removeParticipant, updateEntity } from "@/lib/entities/queries";
import { entityDetails, entityInput, entityName } from "@/lib/entities/validation";
import { noteFor } from "@/lib/loaders/open";
import { setNoteTags } from "@/lib/tags/queries";
import { tagNames } from "@/lib/entities/validation";

const id = (what: string) => z.uuid(`${what} was not found.`);
const withTeam = { team: z.string() };

export const createEntityAction = teamAction(
  z.object({ ...withTeam, entity: entityInput }),
  "entity.update",
  async ({ entity }, { user, team }) => {
    const created = await createEntity(team.id, user.id, entity);
    return { id: created.id, kind: created.kind, name: created.name, path: entityPath(team.slug, created) };
  },
);

export const updateEntityAction = teamAction(
  z.object({ ...withTeam, id: id("That entry"), entity: entityInput }),
  "entity.update",
  async (input, { team }) => {
    const updated = await updateEntity(team.id, input.id, input.entity);
    return { path: entityPath(team.slug, updated) };
  },
);

/**
 * From the editor: an actor or event with just a name, to be filled in later.
 * The editor picks the id, so the mention can be inserted before this returns.
 */
export const quickCreateEntityAction = teamAction(
  z.object({ ...withTeam, id: id("That entry"), kind: z.enum(ENTITY_KINDS), name: entityName }),
  "entity.update",
  async (input, { user, team }) => {
    const payload = entityInput.parse({ kind: input.kind, name: input.name });
    const created = await createEntity(team.id, user.id, payload, undefined, input.id);
    return { id: created.id, kind: created.kind, name: created.name };
  },
);

/** From the editor, just after such a creation: the actor's kind or the event's date, if it has none yet. */
export const describeEntityAction = teamAction(
  z.object({ ...withTeam, id: id("That entry"), details: entityDetails }),
  "entity.update",
  async (input, { team }) => {
    const described = await describeEntity(team.id, input.id, input.details);
    return { id: described.id };
  },
);

export const suggestEntitiesAction = teamAction(
  z.object({ ...withTeam, kind: z.enum(ENTITY_KINDS), query: z.string().max(200).default("") }),
  "team.readDrafts",
  async (input, { team }) =>
    (await listEntities(team.id, input.kind, { query: input.query, limit: 8 })).map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
    })),
);

export const mergeEntitiesAction = teamAction(
  z.object({ ...withTeam, keepId: id("The entry to keep"), removeId: id("The entry to merge") }),
  "entity.update",
  async (input, { user, team }) => {
    const merged = await mergeEntities(team.id, input.keepId, input.removeId, user.id);
    return { path: entityPath(team.slug, merged) };
  },
);

export const deleteEntityAction = teamAction(z.object({ ...withTeam, id: id("That entry") }), "entity.delete", async (input, { user, team }) => {
  const deleted = await deleteEntityEverywhere(team.id, input.id, user.id);
  return { path: kindPath(team.slug, deleted.kind) };
});

export const addParticipantAction = teamAction(
  z.object({ ...withTeam, eventId: id("That event"), actorId: id("That actor"), role: z.string().trim().max(100).default("") }),
  "entity.update",
  async (input, { team }) => addParticipant(team.id, input.eventId, input.actorId, input.role),
);

export const removeParticipantAction = teamAction(
  z.object({ ...withTeam, relationId: id("That participant") }),
  "entity.update",
  async (input, { team }) => removeParticipant(team.id, input.relationId),
);

export const setNoteTagsAction = teamAction(
  z.object({ ...withTeam, noteId: id("That note"), tags: tagNames }),
  "team.edit",
  async (input, session) => {
    await noteFor(session, input.noteId, "update");
    await setNoteTags(session.team.id, input.noteId, input.tags);
  },
);
