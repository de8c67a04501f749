import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams } from "./accounts";

/**
 * A team's former slugs: links to /t/<slug>/…, /b/<slug>/… and /feeds/<slug>/…
 * made before a change of slug are sent on to its slug of today. A team that
 * takes one of these slugs later wins it (lib/teams/slug-redirects.ts).
 */
export const teamSlugRedirects = pgTable(
  "team_slug_redirects",
  {
    slug: text().primaryKey(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("team_slug_redirects_team_idx").on(t.teamId)],
);
