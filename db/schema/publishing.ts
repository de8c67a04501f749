import { getTableColumns, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { DocNode } from "@/lib/editor/document";
import { teams, users } from "./accounts";
import { tsvector } from "./columns";
import type { EntityKind } from "../../lib/entity-kinds";
import { entities } from "./entities";
import { notes } from "./notes";
import { revisions } from "./revisions";
import { VISIBILITIES, type Visibility } from "./visibility";
import { LIKELIHOOD_SCALE_IDS } from "../../lib/tradecraft/likelihood";
import { TLP_LEVELS } from "../../lib/tradecraft/tlp";

export { VISIBILITIES, type Visibility };

interface EditionEntity {
  id: string;
  kind: EntityKind;
  name: string;
}

/**
 * A published brief, frozen: what readers read. Publishing again makes the
 * next number; an edition itself never changes, except to be withdrawn.
 */
export const editions = pgTable(
  "editions",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    number: integer().notNull(),
    revisionId: uuid().references(() => revisions.id, { onDelete: "set null" }),
    title: text().notNull(),
    dateline: text().notNull(),
    content: jsonb().$type<DocNode>().notNull(),
    text: text().notNull(),
    summary: text().notNull().default(""),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')`,
    ),
    visibility: text({ enum: VISIBILITIES }).notNull(),
    /** Its banner as published: the highest of the note's marking and every portion mark (TLP). Only TLP:CLEAR may be public. */
    marking: text({ enum: TLP_LEVELS }).notNull().default("clear"),
    /** The scale its judgments' likelihoods were written in. */
    likelihoodScale: text({ enum: LIKELIHOOD_SCALE_IDS }).notNull().default("icd203"),
    authors: jsonb().$type<string[]>().notNull(),
    entities: jsonb().$type<EditionEntity[]>().notNull(),
    /** The note's tags when it was published: readers see these, never the draft's. */
    tags: jsonb().$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    publishedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Published without a current approval, by an owner. */
    approvalOverridden: text(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("editions_note_number_idx").on(t.noteId, t.number),
    index("editions_team_published_idx").on(t.teamId, t.publishedAt),
    index("editions_search_idx").using("gin", t.search),
    check("editions_visibility_check", sql`${t.visibility} in ('team', 'public')`),
    check("editions_marking_check", sql`${t.marking} in ('clear', 'green', 'amber', 'amber+strict', 'red') and (${t.visibility} = 'team' or ${t.marking} = 'clear')`),
  ],
);

/**
 * What an edition mentions, frozen with it: the sentences around each mention
 * as published. Readers' backlinks come from here, so a sentence added to the
 * draft afterwards stays with the draft.
 */
export const editionEntities = pgTable(
  "edition_entities",
  {
    editionId: uuid().notNull().references(() => editions.id, { onDelete: "cascade" }),
    entityId: uuid().notNull().references(() => entities.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    mentions: integer().notNull(),
    snippets: jsonb().$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.entityId] }), index("edition_entities_entity_idx").on(t.entityId)],
);

/** A member's personal feed token; only its hash is kept, and it can be revoked. */
export const feedTokens = pgTable(
  "feed_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("feed_tokens_user_idx").on(t.userId, t.teamId)],
);

/**
 * An edition's columns without its search vector: only search reads that, and
 * for a brief it is as long as the text, so reading it to show a page is waste.
 */
const { search: _search, ...editionColumns } = getTableColumns(editions);
export { editionColumns };
export type Edition = Omit<typeof editions.$inferSelect, "search">;
