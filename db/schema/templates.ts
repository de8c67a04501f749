import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { DocNode } from "@/lib/editor/document";
import { teams, users } from "./accounts";
import { timestamps } from "./columns";

/**
 * A team's own note templates (lib/templates/): a body a new note starts
 * with, saved from one of the team's notes. The built-in templates every
 * team has are code (lib/templates/built-in.ts), not rows.
 */
export const noteTemplates = pgTable(
  "note_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    /** ProseMirror JSON of the one schema, normalised as a stored note body is (lib/templates/body.ts). */
    body: jsonb().$type<DocNode>().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  // One name once per team, whatever its case: the new-note chooser lists them by name.
  (t) => [uniqueIndex("note_templates_team_name_idx").on(t.teamId, sql`lower(${t.name})`)],
);

export type NoteTemplate = typeof noteTemplates.$inferSelect;
