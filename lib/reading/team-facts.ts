import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { memberships, sessions, teams, users, type Role } from "@/db/schema";
import { idOrNull, liveSessionOf } from "@/lib/auth/sessions";
import type { Reader } from "@/lib/publishing/edition-access";
import { KeptSessionRows } from "./kept-session-rows";

export interface TeamFacts {
  team: { id: string; slug: string; name: string };
  /** The session's user while the session is on record (as lib/auth/sessions.ts checks it), else null. */
  user: Reader | null;
  /** Their role in the team, if a member. */
  role: Role | null;
}

/** The team, the session's user and their role, as one row (or none for no such team). */
function teamRows(sid: string | null, sub: string | null, teamSlug: string) {
  return db()
    .select({
      team: { id: teams.id, slug: teams.slug, name: teams.name },
      user: { id: users.id, name: users.name },
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      role: memberships.role,
    })
    .from(teams)
    .leftJoin(sessions, sid && sub ? liveSessionOf(sid, sub) : sql`false`)
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.teamId, teams.id)))
    .where(eq(teams.slug, teamSlug))
    .limit(1);
}

/** Per session and team: a row each. */
const kept = new KeptSessionRows<Awaited<ReturnType<typeof teamRows>>[number]>(10_000);

/**
 * The team a plain-HTML team page is for, who the session is and their role
 * in it, in one query: what readingFacts asks for an edition, asked for a
 * team's own pages (the reader home). Null when no team has this slug today.
 */
export async function teamFacts(session: { sid: unknown; sub: unknown } | null, teamSlug: string): Promise<TeamFacts | null> {
  // Ids that are not ids match nothing (and must not reach a uuid comparison).
  const sid = idOrNull(session?.sid);
  const sub = idOrNull(session?.sub);
  const key = JSON.stringify(["team", sid, sub, teamSlug]);
  const row = await kept.first(key, sid, () => teamRows(sid, sub, teamSlug));
  if (!row) return null;
  return { team: row.team, user: row.user, role: row.role };
}
