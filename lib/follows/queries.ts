import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { follows } from "@/db/schema";
import { getEntity } from "@/lib/entities/queries";
import { authorize, type Actor } from "@/lib/policies";
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
