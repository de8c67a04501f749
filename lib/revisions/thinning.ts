import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { revisions } from "@/db/schema";
import type { Retention } from "@/lib/config";

const DEFAULT_RETENTION: Retention = { hourlyAfterMs: 24 * 3600_000, dailyAfterMs: 30 * 24 * 3600_000 };

/**
 * Thins a note's automatic revisions: past a day, the last of each hour is
 * kept; past a month, the last of each day. Named revisions and those made on
 * publish or before a restore are never thinned. Returns how many went.
 */
export async function thinRevisions(noteId: string, retention: Retention = DEFAULT_RETENTION, now = new Date()): Promise<number> {
  const candidates = await db()
    .select({ id: revisions.id, createdAt: revisions.createdAt })
    .from(revisions)
    .where(
      and(
        eq(revisions.noteId, noteId),
        isNull(revisions.name),
        or(eq(revisions.reason, "auto"), eq(revisions.reason, "leave")),
        lt(revisions.createdAt, new Date(now.getTime() - retention.hourlyAfterMs)),
      ),
    )
    .orderBy(asc(revisions.createdAt));

  const bucketOf = (at: Date) => {
    const age = now.getTime() - at.getTime();
    const size = age > retention.dailyAfterMs ? 24 * 3600_000 : 3600_000;
    return `${size}:${Math.floor(at.getTime() / size)}`;
  };
  // Oldest first: each revision replaces the previous one as its bucket's keeper.
  const keeper = new Map<string, string>();
  const drop: string[] = [];
  for (const revision of candidates) {
    const bucket = bucketOf(revision.createdAt);
    const previous = keeper.get(bucket);
    if (previous) drop.push(previous);
    keeper.set(bucket, revision.id);
  }
  if (drop.length > 0) await db().delete(revisions).where(inArray(revisions.id, drop));
  return drop.length;
}
