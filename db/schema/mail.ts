import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import type { NotificationKind } from "./review";

/** A grant (lib/policies/grants.ts) the recipient must still hold in a team when a message is sent. */
export interface MailRequirement {
  teamId: string;
  grant: string;
}

/**
 * Mail waiting to be sent, and mail sent. A message is written here in the
 * transaction of the change it tells of, and sent afterwards by the delivery
 * loop (lib/mail/delivery.ts), retried until the mail server takes it: an
 * outage delays mail and loses none, and no request waits on SMTP.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the message is (invite, password_reset, a notification kind, digest), for the log and the tests. */
    kind: text().notNull(),
    recipient: text().notNull(),
    /** The user it is for, when it is for one (an invitation may be to an address with no account). */
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** Extra headers (List-Unsubscribe on notification mail). */
    headers: jsonb().$type<Record<string, string>>(),
    /**
     * What the recipient must still be allowed to read when the message goes:
     * mail that quotes a draft is withdrawn, not sent, if its reader lost the
     * drafts of that team while it waited (an outage can hold mail for hours).
     */
    requires: jsonb().$type<MailRequirement[]>(),
    attempts: integer().notNull().default(0),
    /** Not sent before this; a claimed message is pushed ahead by its lease, so a crash mid-send is retried. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** Given up after too many attempts; kept with its last error for the operator. */
    abandonedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.abandonedAt} is null`)],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;

export const DELIVERIES = ["instant", "digest", "off"] as const;
/** How a user takes one kind of notification by e-mail: each on its own at once, in the daily digest, or not at all. */
export type Delivery = (typeof DELIVERIES)[number];

/**
 * A user's choice of e-mail per notification kind. A kind without a row
 * takes its default (lib/notifications/kinds.ts), so a new kind needs no
 * rows written for existing users.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text().$type<NotificationKind>().notNull(),
    delivery: text({ enum: DELIVERIES }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] }), check("notification_preferences_delivery_check", sql`${t.delivery} in ('instant', 'digest', 'off')`)],
);
