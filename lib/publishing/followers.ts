import "server-only";
import { and, eq, inArray, ne, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { editionEntities, follows, memberships, type Edition } from "@/db/schema";
import type { NewNotification } from "@/lib/commands/command";
import { can } from "@/lib/policies";

/**
 * Who hears of a new edition: the members following its brief or any actor
 * or event it mentions (its frozen mentions, so run after they are written),
 * each once, not whoever published it, and only those who may read it. A
 * follower who left the team follows nothing there.
 */
export async function editionFollowers(tx: Executor, edition: Pick<Edition, "id" | "noteId" | "teamId" | "visibility">, publisherId: string): Promise<string[]> {
  const mentioned = tx.select({ id: editionEntities.entityId }).from(editionEntities).where(eq(editionEntities.editionId, edition.id));
  const rows = await tx
    .selectDistinct({ userId: follows.userId, role: memberships.role })
    .from(follows)
    .innerJoin(memberships, and(eq(memberships.teamId, follows.teamId), eq(memberships.userId, follows.userId)))
    .where(and(eq(follows.teamId, edition.teamId), ne(follows.userId, publisherId), or(eq(follows.noteId, edition.noteId), inArray(follows.entityId, mentioned))));
  return rows.filter(({ userId, role }) => can({ userId, teamId: edition.teamId, role }, "edition.read", edition)).map((row) => row.userId);
}

/** The inbox notifications of a new edition for its followers. */
export async function editionPublishedNotifications(
  tx: Executor,
  edition: Pick<Edition, "id" | "noteId" | "teamId" | "visibility" | "summary">,
  publisherId: string,
): Promise<NewNotification[]> {
  return (await editionFollowers(tx, edition, publisherId)).map((userId) => ({
    userId,
    teamId: edition.teamId,
    kind: "edition_published" as const,
    noteId: edition.noteId,
    editionId: edition.id,
    actorId: publisherId,
    excerpt: edition.summary.slice(0, 200),
  }));
}
