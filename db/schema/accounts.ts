import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { VISIBILITIES } from "./visibility";
import { LIKELIHOOD_SCALE_IDS, LIKELIHOOD_WORDINGS } from "../../lib/tradecraft/likelihood";
import { TLP_LEVELS } from "../../lib/tradecraft/tlp";

const oneOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

export const ROLES = ["owner", "analyst", "reviewer", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id; null for an account that signs in only through single sign-on, which no password opens. */
    passwordHash: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`)],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    /** The readers a note's first edition is offered to, until the publisher chooses. */
    defaultVisibility: text({ enum: VISIBILITIES }).notNull().default("team"),
    /** What, typed in a note, opens the source picker: 1–3 marks, neither letters, digits, spaces nor a mention's @ or #. */
    citationTrigger: text().notNull().default("[["),
    /** The words of likelihood its briefs are checked against (lib/tradecraft/likelihood.ts), and which column of a two-column scale. */
    likelihoodScale: text({ enum: LIKELIHOOD_SCALE_IDS }).notNull().default("icd203"),
    likelihoodWording: text({ enum: LIKELIHOOD_WORDINGS }).notNull().default("either"),
    /** The handling marking a new note starts with. */
    defaultMarking: text({ enum: TLP_LEVELS }).notNull().default("clear"),
    ...timestamps,
  },
  (t) => [
    check("teams_default_visibility_check", sql`${t.defaultVisibility} in ('team', 'public')`),
    check("teams_likelihood_scale_check", sql`${t.likelihoodScale} in (${oneOf(LIKELIHOOD_SCALE_IDS)})`),
    check("teams_likelihood_wording_check", sql`${t.likelihoodWording} in (${oneOf(LIKELIHOOD_WORDINGS)})`),
    check("teams_default_marking_check", sql`${t.defaultMarking} in (${oneOf(TLP_LEVELS)})`),
    check("teams_citation_trigger_check", sql`char_length(${t.citationTrigger}) between 1 and 3 and ${t.citationTrigger} !~ '[[:alnum:][:space:]@#]'`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
    check("memberships_role_check", sql`${t.role} in ('owner', 'analyst', 'reviewer', 'reader')`),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    tokenHash: text().notNull().unique(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("invites_team_idx").on(t.teamId),
    check("invites_role_check", sql`${t.role} in ('owner', 'analyst', 'reviewer', 'reader')`),
  ],
);

export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type Invite = typeof invites.$inferSelect;
