import "server-only";
import { and, eq, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { teamSlugRedirects, teams } from "@/db/schema";

/**
 * Old links keep working after a team changes its slug: its former slugs are
 * kept in team_slug_redirects, and a request for /t/<former>/…, /b/<former>/…
 * or /feeds/<former>/… is sent on to the same path under the slug of today.
 * A team that takes a former slug later wins it: a slug some team has now is
 * never redirected.
 */

const current = alias(teams, "current");

/**
 * Every former slug, read at most every few seconds, so the requests for a
 * team's slug of today (nearly all of them) cost no query. On globalThis:
 * server.ts and the Next bundle each hold a copy of this module, and a slug
 * change made through the app must be seen by server.ts' copy at once.
 * Another process sees it within FORMER_SLUGS_FOR_MS.
 */
const FORMER_SLUGS_FOR_MS = 5000;
const cacheKey = Symbol.for("dossier.formerSlugs");
type Cache = { [cacheKey]?: { slugs: Set<string>; readAt: number } };

async function mayBeFormerSlug(slug: string, tx: Executor): Promise<boolean> {
  const holder = globalThis as Cache;
  let known = holder[cacheKey];
  if (!known || Date.now() - known.readAt > FORMER_SLUGS_FOR_MS) {
    const rows = await tx.select({ slug: teamSlugRedirects.slug }).from(teamSlugRedirects);
    known = holder[cacheKey] = { slugs: new Set(rows.map((row) => row.slug)), readAt: Date.now() };
  }
  return known.slugs.has(slug);
}

/** After a slug change: the next request reads the former slugs again. */
export const forgetFormerSlugs = () => void delete (globalThis as Cache)[cacheKey];

/** The slug of today of the team that used to be at `slug`, or undefined (no such team, or a team is at `slug` now). */
export async function slugNowFor(slug: string, tx: Executor = db()): Promise<string | undefined> {
  const [row] = await tx
    .select({ slug: teams.slug })
    .from(teamSlugRedirects)
    .innerJoin(teams, eq(teams.id, teamSlugRedirects.teamId))
    .where(and(eq(teamSlugRedirects.slug, slug), notExists(tx.select({ id: current.id }).from(current).where(eq(current.slug, slug)))));
  return row?.slug;
}

/**
 * Keeps `from` as a former slug of the team, and forgets `to` as anyone's
 * former slug, since the team is there now. Runs in the slug change's transaction.
 */
export async function recordSlugChange(tx: Executor, teamId: string, from: string, to: string): Promise<void> {
  forgetFormerSlugs();
  await tx.delete(teamSlugRedirects).where(eq(teamSlugRedirects.slug, to));
  await tx
    .insert(teamSlugRedirects)
    .values({ slug: from, teamId })
    .onConflictDoUpdate({ target: teamSlugRedirects.slug, set: { teamId, createdAt: new Date() } });
}

/** The paths that name a team by its slug, in their first two segments. */
const TEAM_PATH = /^\/(t|b|feeds)\/([a-z0-9-]{1,40})(?=[/?#]|$)(.*)$/s;

/**
 * Where a request for a former slug's URL goes now: the same path and query
 * under the team's slug of today, or null when the URL names no former slug.
 */
export async function redirectForFormerSlug(url: string, tx: Executor = db()): Promise<string | null> {
  const match = TEAM_PATH.exec(url);
  if (!match) return null;
  const [, section, slug, rest] = match;
  if (!(await mayBeFormerSlug(slug, tx))) return null;
  const now = await slugNowFor(slug, tx);
  return now ? `/${section}/${now}${rest}` : null;
}
