import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

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
