import { sql } from "drizzle-orm";
import { check, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./accounts";
import { entities } from "./entities";
import { notes } from "./notes";

/**
 * A member following a published brief (every edition of a note) or an actor
 * or event (every edition that mentions it): each new edition they may read
 * reaches their inbox. One target a row; following twice is one follow.
 */
export const follows = pgTable(
  "follows",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    noteId: uuid().references(() => notes.id, { onDelete: "cascade" }),
    entityId: uuid().references(() => entities.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("follows_one_target_check", sql`num_nonnulls(${t.noteId}, ${t.entityId}) = 1`),
    // Also the lookups of a publication: the followers of a note, of an entity.
    uniqueIndex("follows_note_user_idx").on(t.noteId, t.userId),
    uniqueIndex("follows_entity_user_idx").on(t.entityId, t.userId),
    index("follows_user_idx").on(t.userId, t.teamId),
  ],
);

export type Follow = typeof follows.$inferSelect;
