import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * An account at a single sign-on issuer linked to a Dossier user. Sign-ins
 * after the first are found by (provider, subject), never by e-mail, so an
 * address changed at the issuer cannot open another user's account; a user
 * has at most one account per issuer.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    /** The issuer's URL, as configured (OIDC_ISSUER). */
    provider: text().notNull(),
    /** The issuer's `sub` claim: its stable id for the person. */
    subject: text().notNull(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    /** The address the issuer gave when the account was linked. */
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.subject] }),
    uniqueIndex("user_identities_provider_user_unique").on(t.provider, t.userId),
    index("user_identities_user_idx").on(t.userId),
  ],
);

export type UserIdentity = typeof userIdentities.$inferSelect;
