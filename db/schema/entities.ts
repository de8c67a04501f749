import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./accounts";
import { timestamps, tsvector } from "./columns";
import { notes } from "./notes";
import { ENTITY_KINDS } from "../../lib/entity-kinds";
import { ACTOR_TYPES } from "../../lib/actor-types";

export { ACTOR_TYPES, type ActorType } from "../../lib/actor-types";
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * A team's entities, of the kinds in lib/entities/kinds.ts: actors (countries,
 * people, organisations, groups) and events (dated happenings).
 */
export const entities = pgTable(
  "entities",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    kind: text({ enum: ENTITY_KINDS }).notNull(),
    name: text().notNull(),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    summary: text().notNull().default(""),
    /** Typed kinds (actors) only; null while unspecified (an actor created from the editor). */
    actorType: text({ enum: ACTOR_TYPES }),
    /** Dated kinds (events) only; null while the date is unknown. Stored as the first day of the period. */
    startsOn: date({ mode: "string" }),
    endsOn: date({ mode: "string" }),
    datePrecision: text({ enum: DATE_PRECISIONS }),
    place: text().notNull().default(""),
    /**
     * Where it is, for the map (lib/geo/): a point, a country (ISO 3166-1
     * alpha-2, drawn at the country's centre), or both. Actors of type
     * country or place and events may carry one; null while unknown.
     */
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    countryCode: text(),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', name), 'A') || setweight(to_tsvector('simple', dossier_join_words(aliases)), 'A') || setweight(to_tsvector('english', summary), 'C')`,
    ),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("entities_team_kind_idx").on(t.teamId, t.kind),
    index("entities_team_starts_idx").on(t.teamId, t.startsOn),
    index("entities_search_idx").using("gin", t.search),
    // The registry's kinds (lib/entities/kinds.ts): a new kind changes this check, in a generated migration.
    check("entities_kind_check", sql`${t.kind} in (${sql.raw(ENTITY_KINDS.map((kind) => `'${kind}'`).join(", "))})`),
    check("entities_point_check", sql`(${t.latitude} is null) = (${t.longitude} is null) and (${t.latitude} is null or ${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180)`),
    check("entities_country_check", sql`${t.countryCode} is null or ${t.countryCode} ~ '^[A-Z]{2}$'`),
    check("entities_range_check", sql`${t.endsOn} is null or ${t.startsOn} is not null and ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * Every name and alias of an entity, normalised. The primary key makes names
 * unique per team and kind, case-insensitively, aliases included.
 */
export const entityNames = pgTable(
  "entity_names",
  {
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    kind: text({ enum: ENTITY_KINDS }).notNull(),
    nameKey: text().notNull(),
    entityId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.kind, t.nameKey] }), index("entity_names_entity_idx").on(t.entityId)],
);

/** An actor's part in an event ("host", "sponsor", …). */
export const entityRelations = pgTable(
  "entity_relations",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    actorId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
    eventId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
    role: text().notNull().default(""),
    ...timestamps,
  },
  (t) => [uniqueIndex("entity_relations_pair_idx").on(t.actorId, t.eventId), index("entity_relations_event_idx").on(t.eventId)],
);

/** Which entities a note mentions: derived from the note's document on every store. */
export const noteEntities = pgTable(
  "note_entities",
  {
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    entityId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    mentions: integer().notNull(),
    /** The sentences around the first few mentions, for backlinks. */
    snippets: jsonb().$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.entityId] }), index("note_entities_entity_idx").on(t.entityId)],
);

export const tags = pgTable(
  "tags",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    name: text().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("tags_team_name_idx").on(t.teamId, sql`lower(${t.name})`)],
);

export const noteTags = pgTable(
  "note_tags",
  {
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    tagId: uuid().notNull().references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.tagId] }), index("note_tags_tag_idx").on(t.tagId)],
);

export const entityTags = pgTable(
  "entity_tags",
  {
    entityId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
    tagId: uuid().notNull().references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.tagId] }), index("entity_tags_tag_idx").on(t.tagId)],
);

export type Entity = typeof entities.$inferSelect;
export type Tag = typeof tags.$inferSelect;

/**
 * Names of actors and events a note's writers chose to leave as plain text
 * there (the note's "Unlinked mentions" panel no longer offers them): one row
 * per note, entity and name, the name in lower case.
 */
export const unlinkedNameIgnores = pgTable(
  "unlinked_name_ignores",
  {
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    entityId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.entityId, t.name] })],
);
