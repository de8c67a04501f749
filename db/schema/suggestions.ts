import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./accounts";
import { notes } from "./notes";

export const SUGGESTION_STATUSES = ["open", "accepted", "rejected", "removed"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * The suggestions a note's body holds or held, one row per suggestion id:
 * rebuilt from the body on every store (lib/suggestions/note-suggestions.ts),
 * decided by those who may edit (lib/suggestions/decide.ts). The body is the
 * truth of what is open; this is who suggested what, and what became of it.
 */
export const suggestions = pgTable(
  "suggestions",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    /** The id its marks and attributes carry in the body. */
    suggestionId: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** "Replace “reportedly” with “according to two officials”", as last seen in the body. */
    summary: text().notNull(),
    /** When it was suggested: the stamp in the body. */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    status: text({ enum: SUGGESTION_STATUSES }).notNull().default("open"),
    decidedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("suggestions_note_suggestion_idx").on(t.noteId, t.suggestionId),
    index("suggestions_team_idx").on(t.teamId),
    check("suggestions_status_check", sql`${t.status} in ('open', 'accepted', 'rejected', 'removed')`),
  ],
);

export type Suggestion = typeof suggestions.$inferSelect;
