import "server-only";
import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { editions, entities, follows, memberships, teams } from "@/db/schema";
import { getEntity } from "@/lib/entities/queries";
import { entityPath, type EntityKind } from "@/lib/entity-kinds";
import { authorize, can, type Actor } from "@/lib/policies";
import { findEdition } from "@/lib/publishing/queries";

/** The member who follows, in the team the target is of. */
export interface Follower {
  actor: Actor;
  team: { id: string; slug: string };
}

/** What one follows: a brief (a note's editions) or an actor or event. */
export type FollowTarget = { noteId: string } | { entityId: string };

const isBrief = (target: FollowTarget): target is { noteId: string } => "noteId" in target;

const rowOf = ({ actor, team }: Follower, target: FollowTarget): SQL =>
  and(
    eq(follows.userId, actor.userId),
    eq(follows.teamId, team.id),
    isBrief(target) ? eq(follows.noteId, target.noteId) : eq(follows.entityId, target.entityId),
  )!;

/**
 * Follows a brief or an actor or event of the team, if the member may: a
 * brief must be published (its latest live edition is what they may read), an
 * actor or event must be of the team. Following twice is one follow.
 */
export async function follow(follower: Follower, target: FollowTarget): Promise<void> {
  const { actor, team } = follower;
  if (isBrief(target)) {
    const { edition } = await findEdition(team.slug, target.noteId);
    authorize(actor, "edition.follow", edition);
  } else {
    authorize(actor, "entity.follow", await getEntity(team.id, target.entityId));
  }
  await db()
    .insert(follows)
    .values({ userId: actor.userId, teamId: team.id, ...(isBrief(target) ? { noteId: target.noteId } : { entityId: target.entityId }) })
    .onConflictDoNothing();
}

/**
 * Stops following. One may always stop following what one follows; not
 * following it already is no error, as long as it is something of the team
 * one could follow (another team's ids are not found).
 */
export async function unfollow(follower: Follower, target: FollowTarget): Promise<void> {
  const removed = await db().delete(follows).where(rowOf(follower, target)).returning({ id: follows.id });
  if (removed.length > 0) return;
  if (isBrief(target)) await findEdition(follower.team.slug, target.noteId);
  else await getEntity(follower.team.id, target.entityId);
}

/** Whether the member follows it, for its Follow button. */
export async function isFollowing(follower: Follower, target: FollowTarget): Promise<boolean> {
  const [row] = await db().select({ id: follows.id }).from(follows).where(rowOf(follower, target)).limit(1);
  return row !== undefined;
}

/** One thing followed, as the "Following" list shows it. */
export interface Followed {
  id: string;
  team: { slug: string; name: string };
  kind: "brief" | EntityKind;
  name: string;
  href: string;
  target: FollowTarget;
}

/**
 * What the user follows, newest first, in the teams they are still in and as
 * far as they may read it now: a brief by its latest edition's title (never
 * the draft's), an actor or event by its name. A withdrawn brief is left out.
 */
export async function listFollowing(userId: string): Promise<Followed[]> {
  // The followed brief's latest live edition: what its readers read now.
  const latest = db()
    .select({ title: editions.title, visibility: editions.visibility })
    .from(editions)
    .where(and(eq(editions.noteId, follows.noteId), isNull(editions.withdrawnAt)))
    .orderBy(desc(editions.number))
    .limit(1)
    .as("latest");
  const rows = await db()
    .select({
      id: follows.id,
      teamId: follows.teamId,
      teamSlug: teams.slug,
      teamName: teams.name,
      role: memberships.role,
      noteId: follows.noteId,
      brief: { title: latest.title, visibility: latest.visibility },
      entity: { id: entities.id, kind: entities.kind, name: entities.name },
    })
    .from(follows)
    .innerJoin(memberships, and(eq(memberships.teamId, follows.teamId), eq(memberships.userId, follows.userId)))
    .innerJoin(teams, eq(teams.id, follows.teamId))
    .leftJoin(entities, eq(entities.id, follows.entityId))
    .leftJoinLateral(latest, sql`true`)
    .where(eq(follows.userId, userId))
    .orderBy(desc(follows.createdAt));
  return rows.flatMap((row): Followed[] => {
    const actor = { userId, teamId: row.teamId, role: row.role };
    const team = { slug: row.teamSlug, name: row.teamName };
    if (row.noteId !== null) {
      if (!row.brief || !can(actor, "edition.read", { teamId: row.teamId, visibility: row.brief.visibility })) return [];
      return [{ id: row.id, team, kind: "brief", name: row.brief.title, href: `/b/${team.slug}/${row.noteId}`, target: { noteId: row.noteId } }];
    }
    if (!row.entity || !can(actor, "entity.read", { teamId: row.teamId })) return [];
    return [{ id: row.id, team, kind: row.entity.kind, name: row.entity.name, href: entityPath(team.slug, row.entity), target: { entityId: row.entity.id } }];
  });
}

