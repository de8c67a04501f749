import "server-only";
import { z } from "zod";
import { ACTOR_TYPES, DATE_PRECISIONS, type Entity } from "@/db/schema";
import { partialDateInput } from "@/lib/entities/dates";
import { deleteEntityEverywhere } from "@/lib/entities/merge";
import { createEntity, entityPage, getEntity, updateEntity } from "@/lib/entities/queries";
import { entityInput } from "@/lib/entities/validation";
import { ENTITY_KINDS } from "@/lib/entity-kinds";
import { tagsOfEntities } from "@/lib/tags/queries";
import { endpoint } from "../endpoint";
import { decodeCursor, pageOf, pageQuery, toPage } from "../pagination";
import { idParam, iso, timestamp } from "../schemas";

/** A date as a person enters it: "2006", "2006-10" or "2006-10-09". */
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

const entitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ENTITY_KINDS),
    name: z.string(),
    aliases: z.array(z.string()),
    summary: z.string(),
    tags: z.array(z.string()),
    actorType: z.enum(ACTOR_TYPES).nullable().meta({ description: "Actors only." }),
    startsOn: partialDate.nullable().meta({ description: "Events only: the date as precise as it is known, YYYY, YYYY-MM or YYYY-MM-DD, as it is written back." }),
    endsOn: partialDate.nullable(),
    datePrecision: z.enum(DATE_PRECISIONS).nullable().meta({ description: "How precise the dates are: day, month or year." }),
    place: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    countryCode: z.string().nullable().meta({ description: "ISO 3166-1 alpha-2." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Entity" });

const entityOut = (entity: Entity, tags: string[]) => ({
  id: entity.id,
  kind: entity.kind,
  name: entity.name,
  aliases: entity.aliases,
  summary: entity.summary,
  tags,
  actorType: entity.actorType,
  // As they are entered, so an entity read and written back (PUT) keeps its precision.
  startsOn: entity.startsOn && partialDateInput(entity.startsOn, entity.datePrecision),
  endsOn: entity.endsOn && partialDateInput(entity.endsOn, entity.datePrecision),
  datePrecision: entity.datePrecision,
  place: entity.place,
  latitude: entity.latitude,
  longitude: entity.longitude,
  countryCode: entity.countryCode,
  createdAt: iso(entity.createdAt),
  updatedAt: iso(entity.updatedAt),
});

async function withTags(entity: Entity) {
  const tags = await tagsOfEntities([entity.id]);
  return entityOut(entity, tags.get(entity.id) ?? []);
}

/** The same input the entity form sends (lib/entities/validation.ts), locations included. */
const entityBody = entityInput.meta({
  id: "EntityInput",
  description: "An actor (kind `actor`, with `actorType`) or an event (kind `event`, with `startsOn`, `endsOn` as YYYY, YYYY-MM or YYYY-MM-DD, and `place`); either may carry a point (`latitude` and `longitude`) and a `countryCode`.",
  example: { kind: "actor", name: "Port of Aden", actorType: "place", countryCode: "YE", latitude: 12.79, longitude: 44.99 },
});

export const entityEndpoints = [
  endpoint({
    id: "listEntities",
    method: "GET",
    path: "/entities",
    tag: "Entities",
    summary: "List actors or events",
    description: "One kind at a time, by name (then id), optionally those whose name or an alias contains `q`.",
    scope: "read",
    permission: "entity.read",
    query: z.object({ kind: z.enum(ENTITY_KINDS), q: z.string().max(200).optional().meta({ description: "A fragment of a name or alias." }), ...pageQuery }),
    response: { status: 200, description: "A page of entities.", schema: pageOf(entitySchema) },
    async handle({ query, team, url }) {
      const after = decodeCursor(query.cursor, z.tuple([z.string(), z.uuid()]));
      const rows = await entityPage(team.id, query.kind, { query: query.q, after, limit: query.limit + 1 });
      const tags = await tagsOfEntities(rows.map((row) => row.entity.id));
      return toPage(rows, query.limit, url, (row) => [row.sortName, row.entity.id], (row) => entityOut(row.entity, tags.get(row.entity.id) ?? []));
    },
  }),
  endpoint({
    id: "getEntity",
    method: "GET",
    path: "/entities/{id}",
    tag: "Entities",
    summary: "Read an actor or event",
    scope: "read",
    permission: "entity.read",
    params: idParam,
    response: { status: 200, description: "The entity.", schema: entitySchema },
    handle: async ({ params, team }) => withTags(await getEntity(team.id, params.id)),
  }),
  endpoint({
    id: "createEntity",
    method: "POST",
    path: "/entities",
    tag: "Entities",
    summary: "Create an actor or event",
    scope: "read-write",
    permission: "entity.update",
    body: entityBody,
    response: { status: 201, description: "The entity created.", schema: entitySchema },
    handle: async ({ body, actor, team }) => withTags(await createEntity(team.id, actor.userId, body)),
  }),
  endpoint({
    id: "updateEntity",
    method: "PUT",
    path: "/entities/{id}",
    tag: "Entities",
    summary: "Replace an actor's or event's fields",
    description: "Every field is set, as the entity form sets them; a field left out takes its default (empty). The kind cannot change.",
    scope: "read-write",
    permission: "entity.update",
    params: idParam,
    body: entityBody,
    response: { status: 200, description: "The entity as it is now.", schema: entitySchema },
    handle: async ({ params, body, team }) => withTags(await updateEntity(team.id, params.id, body)),
  }),
  endpoint({
    id: "deleteEntity",
    method: "DELETE",
    path: "/entities/{id}",
    tag: "Entities",
    summary: "Delete an actor or event",
    description: "Its mentions in notes become plain text. Recorded in the team's audit log.",
    scope: "read-write",
    permission: "entity.delete",
    params: idParam,
    response: { status: 204, description: "Deleted." },
    async handle({ params, actor, team }) {
      await deleteEntityEverywhere(team.id, params.id, actor.userId);
    },
  }),
];
