import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * One signed-in browser. The session cookie (a JWT) carries this row's id;
 * every request checks that the row is still there, unrevoked and unexpired,
 * so signing out ends the session even for a copy of the cookie.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
    address: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Sign-in attempts on one account (an email as typed, known or not) from one
 * client address, or from all addresses (`address` = "*"). A row is reserved
 * before a password is checked, in one statement (lib/auth/rate-limit.ts).
 */
export const signInCounters = pgTable(
  "sign_in_counters",
  {
    account: text().notNull(),
    address: text().notNull(),
    /** Attempts let through to the password check since the counter last started. */
    attempts: integer().notNull(),
    /** No attempt is let through before this. */
    blockedUntil: timestamp({ withTimezone: true }).notNull(),
    /** Whether the latest reservation let its attempt through. */
    lastGranted: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.account, t.address] })],
);

export type Session = typeof sessions.$inferSelect;
