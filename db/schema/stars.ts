import { index, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { notes } from "./notes";

/**
 * A note a member keeps at hand: starred, it is listed in their sidebar.
 * One row a user and note; starring twice is one star. Deleting the note
 * or the user deletes the star.
 */
export const noteStars = pgTable(
  "note_stars",
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.noteId] }),
    // Deleting a note finds its stars without reading every user's.
    index("note_stars_note_idx").on(t.noteId),
  ],
);

export type NoteStar = typeof noteStars.$inferSelect;
