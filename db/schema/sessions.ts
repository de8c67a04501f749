import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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

/** What a counter of attempts limits; invite_mail counts the invitations a user has Dossier e-mail. */
export const ATTEMPT_PURPOSES = ["sign_in", "password_reset", "invite_mail"] as const;
export type AttemptPurpose = (typeof ATTEMPT_PURPOSES)[number];

/**
 * Attempts at something limited (signing in, asking for a password reset,
 * e-mailing invitations) on one account (an email as typed, known or not, or
 * the inviting user's id) from one client address; "*"
 * in either column counts over all accounts or all addresses. A row is
 * reserved before the attempt is let through, in one statement
 * (lib/auth/attempt-counters.ts).
 */
export const signInCounters = pgTable(
  "sign_in_counters",
  {
    purpose: text({ enum: ATTEMPT_PURPOSES }).notNull().default("sign_in"),
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
  (t) => [uniqueIndex("sign_in_counters_key").on(t.purpose, t.account, t.address)],
);

/**
 * A link that sets a new password (/reset-password/<token>): mailed on
 * request, or made by a team owner for a member. Only a hash of the token is
 * kept, so the table does not hold working links. A link works once, until
 * `expiresAt`.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    /** The owner who made the link for the member; null for a link mailed on request. */
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

export type Session = typeof sessions.$inferSelect;
