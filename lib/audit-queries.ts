import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { auditLog, entities, memberships, notes, noteTemplates, sources, users } from "@/db/schema";
import { entityPath } from "@/lib/entity-kinds";
import type { ListView, SortColumns } from "@/lib/lists/list-view";

/** What members do to their own accounts that their teams' owners see: signing in, linking single sign-on, their passwords and sessions. */
const MEMBER_ACCOUNT_ACTIONS = ["user.signed_in", "user.identity_linked", "user.password_removed", "user.password_changed", "user.password_reset", "user.sessions_ended"] as const;

/** The entries a team's owners read: the team's own, and its members' sign-ins, linked identities, password changes and resets. */
const teamEntries = (teamId: string) =>
  or(
    eq(auditLog.teamId, teamId),
    and(
      isNull(auditLog.teamId),
      inArray(auditLog.action, [...MEMBER_ACCOUNT_ACTIONS]),
      inArray(auditLog.userId, db().select({ id: memberships.userId }).from(memberships).where(eq(memberships.teamId, teamId))),
    ),
  );

export type AuditSort = "when";
export const AUDIT_SORTS: SortColumns<AuditSort> = { when: { label: "When (UTC)", first: "desc" } };

/** A team's audit log, newest first (or oldest, as asked), a page at a time, and how many entries it has. */
export async function teamAuditLog(teamId: string, view: Pick<ListView<AuditSort>, "direction" | "limit" | "offset"> = { direction: "desc", limit: 500, offset: 0 }) {
  const direction = view.direction === "asc" ? asc : desc;
  return db()
    .select({ id: auditLog.id, action: auditLog.action, target: auditLog.target, data: auditLog.data, createdAt: auditLog.createdAt, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(teamEntries(teamId))
    .orderBy(direction(auditLog.createdAt), direction(auditLog.id))
    .limit(view.limit)
    .offset(view.offset);
}

export async function teamAuditCount(teamId: string): Promise<number> {
  const [{ total }] = await db().select({ total: count() }).from(auditLog).where(teamEntries(teamId));
  return total;
}

/** What an entry was done to, by name: a link where it is still the team's to open. */
export interface AuditTarget {
  name: string;
  href?: string;
}

const isId = (value: string) => z.uuid().safeParse(value).success;

/**
 * The names of what the entries were done to: the team's notes, actors,
 * events, sources and templates (linked), and people; a note or template
 * deleted since is named by the title its entry kept. Anything else keeps its id.
 */
export async function auditTargets(team: { id: string; slug: string }, entries: { target: string | null; data: unknown }[]): Promise<Map<string, AuditTarget>> {
  const ids = [...new Set(entries.map((entry) => entry.target).filter((target): target is string => target !== null && isId(target)))];
  const named = new Map<string, AuditTarget>();
  if (ids.length === 0) return named;
  const [noteRows, entityRows, sourceRows, templateRows, userRows] = await Promise.all([
    db().select({ id: notes.id, title: notes.title }).from(notes).where(and(eq(notes.teamId, team.id), inArray(notes.id, ids))),
    db().select({ id: entities.id, name: entities.name, kind: entities.kind }).from(entities).where(and(eq(entities.teamId, team.id), inArray(entities.id, ids))),
    db().select({ id: sources.id, title: sources.title }).from(sources).where(and(eq(sources.teamId, team.id), inArray(sources.id, ids))),
    db().select({ id: noteTemplates.id, name: noteTemplates.name }).from(noteTemplates).where(and(eq(noteTemplates.teamId, team.id), inArray(noteTemplates.id, ids))),
    db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
  ]);
  for (const row of userRows) named.set(row.id, { name: row.name });
  for (const row of templateRows) named.set(row.id, { name: row.name, href: `/t/${team.slug}/templates` });
  for (const row of sourceRows) named.set(row.id, { name: row.title, href: `/t/${team.slug}/sources/${row.id}` });
  for (const row of entityRows) named.set(row.id, { name: row.name, href: entityPath(team.slug, row) });
  for (const row of noteRows) named.set(row.id, { name: row.title || "Untitled", href: `/t/${team.slug}/notes/${row.id}` });
  for (const entry of entries) {
    const kept = (entry.data as { title?: unknown } | null)?.title;
    if (entry.target && !named.has(entry.target) && typeof kept === "string") named.set(entry.target, { name: kept });
  }
  return named;
}
