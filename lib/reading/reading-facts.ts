import "server-only";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { editions, follows, memberships, sessions, teams, users, type Role } from "@/db/schema";
import { idOrNull, liveSessionOf } from "@/lib/auth/sessions";
import type { Found, Reader } from "@/lib/publishing/edition-access";
import { editionHeadColumns, liveTotal, type EditionHead } from "@/lib/publishing/queries";
import { KeptSessionRows } from "./kept-session-rows";

export interface ReadingFacts {
  found: Found<EditionHead, { id: string; slug: string }>;
  /** The session's user while the session is on record (as lib/auth/sessions.ts checks it), else null. */
  user: Reader | null;
  /** Their role in the edition's team, if a member. */
  role: Role | null;
  /** Whether they follow the brief. */
  following: boolean;
}

const wanted = {
  sid: sql.placeholder("sid"),
  sub: sql.placeholder("sub"),
  slug: sql.placeholder("slug"),
  noteId: sql.placeholder("noteId"),
  number: sql.placeholder("number"),
};

/**
 * The one query of a reading page, prepared once per database: the edition
 * (the latest live one, or the one numbered) without its text, the
 * session's user if the session is still on record (not revoked, not
 * expired: isSessionActive's condition), their role in the team, and whether
 * they follow the brief. Drizzle builds its SQL once; only values change.
 */
function prepare(database: ReturnType<typeof db>) {
  return database
    .select({
      edition: editionHeadColumns,
      team: { id: teams.id, slug: teams.slug },
      total: liveTotal,
      user: { id: users.id, name: users.name },
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      role: memberships.role,
      following: sql<boolean>`exists (select 1 from ${follows} f where f.user_id = ${users.id} and f.team_id = ${teams.id} and f.note_id = ${editions.noteId})`,
    })
    .from(editions)
    .innerJoin(teams, eq(teams.id, editions.teamId))
    .leftJoin(sessions, liveSessionOf(wanted.sid, wanted.sub))
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, teams.id)))
    .where(
      and(
        eq(teams.slug, wanted.slug),
        eq(editions.noteId, wanted.noteId),
        isNull(editions.withdrawnAt),
        or(sql`${wanted.number}::int is null`, eq(editions.number, sql`${wanted.number}::int`)),
      ),
    )
    .orderBy(desc(editions.number))
    .limit(1)
    .prepare("reading_facts");
}

/** Per session and edition: a row each. */
const kept = new KeptSessionRows<Awaited<ReturnType<ReturnType<typeof prepare>["execute"]>>[number]>(10_000);

let prepared: { database: ReturnType<typeof db>; query: ReturnType<typeof prepare> } | undefined;

/** What a reading page asks of the database, in one query (see prepare); null when the team has no such edition. */
export async function readingFacts(session: { sid: unknown; sub: unknown } | null, teamSlug: string, noteId: string, number?: number): Promise<ReadingFacts | null> {
  const database = db();
  if (prepared?.database !== database) prepared = { database, query: prepare(database) };
  // Ids that are not ids match nothing (and must not reach a uuid comparison).
  const sid = idOrNull(session?.sid);
  const sub = idOrNull(session?.sub);
  const query = prepared.query;
  const key = JSON.stringify(["reading", sid, sub, teamSlug, noteId, number ?? null]);
  const row = await kept.first(key, sid, () => query.execute({ sid, sub, slug: teamSlug, noteId, number: number ?? null }));
  if (!row) return null;
  return { found: { edition: row.edition, team: row.team, total: row.total }, user: row.user, role: row.role, following: row.following };
}
