import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { sourceChanges, sources } from "@/db/schema";
import { isDowngrade, type Reliability } from "@/lib/source-grading";

/**
 * Whether a source is in question, and why: retracted, or downgraded by its
 * latest change of grade (a later regrading upward, or a reinstatement,
 * ends the question). What cites a source in question is warned of: drafts
 * on the cited passages, editions with a notice to readers.
 */
export type SourceStanding =
  | { state: "sound" }
  | { state: "retracted"; at: Date; reason: string }
  | { state: "downgraded"; from: Reliability; to: Reliability; at: Date; reason: string };

/** The standing of each of the team's sources among `ids` (another team's are left out). */
export async function standingOf(teamId: string, ids: string[], tx: Executor = db()): Promise<Map<string, SourceStanding>> {
  const standing = new Map<string, SourceStanding>();
  if (ids.length === 0) return standing;
  const wanted = [...new Set(ids)];
  const rows = await tx
    .select({ id: sources.id, retractedAt: sources.retractedAt, retractionReason: sources.retractionReason })
    .from(sources)
    .where(and(eq(sources.teamId, teamId), inArray(sources.id, wanted)));
  const latest = await tx
    .selectDistinctOn([sourceChanges.sourceId], {
      sourceId: sourceChanges.sourceId,
      kind: sourceChanges.kind,
      from: sourceChanges.fromReliability,
      to: sourceChanges.toReliability,
      at: sourceChanges.changedAt,
      reason: sourceChanges.reason,
    })
    .from(sourceChanges)
    .where(and(eq(sourceChanges.teamId, teamId), inArray(sourceChanges.sourceId, wanted)))
    .orderBy(sourceChanges.sourceId, desc(sourceChanges.changedAt));
  const latestOf = new Map(latest.map((change) => [change.sourceId, change]));
  for (const row of rows) {
    const change = latestOf.get(row.id);
    if (row.retractedAt) standing.set(row.id, { state: "retracted", at: row.retractedAt, reason: row.retractionReason ?? "" });
    else if (change?.kind === "regraded" && change.from && isDowngrade(change.from, change.to))
      standing.set(row.id, { state: "downgraded", from: change.from, to: change.to, at: change.at, reason: change.reason });
    else standing.set(row.id, { state: "sound" });
  }
  return standing;
}
