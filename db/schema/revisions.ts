import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { DocNode } from "@/lib/editor/document";
import { teams, users } from "./accounts";
import { bytea } from "./columns";
import { notes } from "./notes";

/**
 * Why a revision was made: after a pause in editing, when the last editor
 * left, by hand, just before a restore, when the note was approved or published.
 */
const REVISION_REASONS = ["auto", "leave", "named", "restore", "publish", "approval"] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

export const revisions = pgTable(
  "revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    reason: text({ enum: REVISION_REASONS }).notNull(),
    /** A name makes a revision permanent: named revisions are never thinned. */
    name: text(),
    namedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    content: jsonb().$type<DocNode>().notNull(),
    text: text().notNull().default(""),
    /** The Yjs state at the time: attribution of insertions is read from it. */
    ydoc: bytea().notNull(),
    /** Who sent edits since the revision before. */
    contributors: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    wordsAdded: integer().notNull().default(0),
    wordsRemoved: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("revisions_note_created_idx").on(t.noteId, t.createdAt),
    check("revisions_reason_check", sql`${t.reason} in ('auto', 'leave', 'named', 'restore', 'publish', 'approval')`),
  ],
);

/** Which Yjs client ids belong to which user, for attributing insertions. */
export const noteClients = pgTable(
  "note_clients",
  {
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    clientId: bigint({ mode: "number" }).notNull(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  // The first user seen writing with a client id keeps it.
  (t) => [primaryKey({ columns: [t.noteId, t.clientId] })],
);

export type Revision = typeof revisions.$inferSelect;
