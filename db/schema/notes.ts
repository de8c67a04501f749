import { sql } from "drizzle-orm";
import { bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { DocNode } from "@/lib/editor/document";
import { users, teams } from "./accounts";
import { bytea, timestamps, tsvector } from "./columns";
import { collections } from "./collections";
import { TLP_LEVELS } from "../../lib/tradecraft/tlp";

export const NOTE_KINDS = ["note", "brief"] as const;
export const NOTE_STATUSES = ["draft", "in_review", "approved", "published"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const notes = pgTable(
  "notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    title: text().notNull().default(""),
    kind: text({ enum: NOTE_KINDS }).notNull().default("note"),
    status: text({ enum: NOTE_STATUSES }).notNull().default("draft"),
    /** Yjs state: the truth for the body. content and text are derived from it. */
    ydoc: bytea(),
    content: jsonb().$type<DocNode>(),
    text: text().notNull().default(""),
    /** Title (weighted first) and text, for full-text search; kept up to date by PostgreSQL. */
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(text, '')), 'B')`,
    ),
    /** The day the analysis speaks of (an imported post's date, say), as its editions carry it; null: the day each is published. */
    dateline: date({ mode: "string" }),
    /** The handling marking its author gave it (TLP). */
    marking: text({ enum: TLP_LEVELS }).notNull().default("clear"),
    /** The highest portion mark in its body, derived on every store; null when no block carries one. */
    portionMarking: text({ enum: TLP_LEVELS }),
    /** Users who sent edits since the last revision; the next revision takes them. */
    pendingContributors: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** The collection (folder) the note is filed in, if any; a deleted collection leaves it unfiled. */
    collectionId: uuid().references(() => collections.id, { onDelete: "set null" }),
    /** Where the note stands in its collection's own order (from 0), which its writers set by hand; null when unfiled. */
    collectionPosition: integer(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("notes_team_updated_idx").on(t.teamId, t.updatedAt),
    index("notes_collection_idx").on(t.collectionId),
    index("notes_search_idx").using("gin", t.search),
    check("notes_kind_check", sql`${t.kind} in ('note', 'brief')`),
    check("notes_marking_check", sql`${t.marking} in ('clear', 'green', 'amber', 'amber+strict', 'red') and (${t.portionMarking} is null or ${t.portionMarking} in ('clear', 'green', 'amber', 'amber+strict', 'red'))`),
    check("notes_status_check", sql`${t.status} in ('draft', 'in_review', 'approved', 'published')`),
  ],
);

/**
 * The durable update log: every update from a writable connection is appended
 * here before it is applied and acknowledged, and folded into notes.ydoc on store.
 */
export const noteUpdates = pgTable(
  "note_updates",
  {
    seq: bigserial({ mode: "number" }).primaryKey(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    update: bytea().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("note_updates_note_seq_idx").on(t.noteId, t.seq)],
);

export type Note = typeof notes.$inferSelect;
