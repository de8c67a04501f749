import { sql } from "drizzle-orm";
import { integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./accounts";
import { timestamps } from "./columns";

/**
 * A team's collections (folders) of notes, in the order the team put them in
 * the sidebar (`position`, from 0). A note is in one collection or none
 * (notes.collectionId); deleting a collection leaves its notes, unfiled.
 */
export const collections = pgTable(
  "collections",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    name: text().notNull(),
    position: integer().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  // One name once per team, whatever its case: the sidebar lists them by name.
  (t) => [uniqueIndex("collections_team_name_idx").on(t.teamId, sql`lower(${t.name})`)],
);

export type Collection = typeof collections.$inferSelect;
