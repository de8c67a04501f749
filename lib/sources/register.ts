import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { sourceChanges, sources, type Source } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { badRequest } from "@/lib/errors";
import { isDowngrade, type Reliability } from "@/lib/source-grading";
import { sourceQuestionedNotifications } from "./propagation";
import { assertTeamActor, getSource, lockSource } from "./queries";
import type { SourceFields, SourceInput } from "./validation";

/** Writes a new source and its first grade, which starts its history, in the caller's transaction. */
export async function insertSource(tx: Executor, teamId: string, userId: string, input: SourceInput): Promise<Source> {
  await assertTeamActor(teamId, input.originatorEntityId, tx);
  const [source] = await tx
    .insert(sources)
    .values({ teamId, ...input, gradedBy: userId, createdBy: userId })
    .returning();
  await tx.insert(sourceChanges).values({ sourceId: source.id, teamId, kind: "graded", toReliability: input.reliability, changedBy: userId });
  return source;
}

/** Adds a source to the team's register with its first grade. */
export async function createSource(teamId: string, userId: string, input: SourceInput): Promise<Source> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const source = await insertSource(tx, teamId, userId, input);
    await audit({ teamId, userId, action: "source.created", target: source.id, data: { title: source.title, reliability: source.reliability } });
    afterCommit(() => refreshTeamPages(teamId));
    return source;
  });
}

/** Changes what a source is (title, kind, originator, address); its grade changes only with a reason, by `regradeSource`. */
export async function updateSource(teamId: string, userId: string, id: string, fields: SourceFields): Promise<Source> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    await getSource(teamId, id, tx);
    await assertTeamActor(teamId, fields.originatorEntityId, tx);
    const [source] = await tx
      .update(sources)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(sources.id, id))
      .returning();
    await audit({ teamId, userId, action: "source.updated", target: id, data: { title: source.title } });
    afterCommit(() => refreshTeamPages(teamId));
    return source;
  });
}

/**
 * Grades a source again, with the reason kept in its history. The source's
 * row is locked, so two regradings at once are recorded one after the other,
 * each from the grade the other left. A downgrade puts the source in
 * question: the owners and the authors of what cites it are told, as of a
 * retraction (unless it is retracted already); an upgrade tells no one.
 */
export async function regradeSource(
  teamId: string,
  userId: string,
  id: string,
  change: { reliability: Reliability; reason: string },
): Promise<{ source: Source; from: Reliability }> {
  return runCommand(async ({ tx, audit, notify, afterCommit }) => {
    const current = await lockSource(teamId, id, tx);
    if (current.reliability === change.reliability) throw badRequest(`The source is already graded ${change.reliability}.`);
    const now = new Date();
    const [source] = await tx
      .update(sources)
      .set({ reliability: change.reliability, gradedBy: userId, gradedAt: now, updatedAt: now })
      .where(eq(sources.id, id))
      .returning();
    await tx.insert(sourceChanges).values({
      sourceId: id,
      teamId,
      kind: "regraded",
      fromReliability: current.reliability,
      toReliability: change.reliability,
      reason: change.reason,
      changedBy: userId,
      changedAt: now,
    });
    await audit({ teamId, userId, action: "source.regraded", target: id, data: { from: current.reliability, to: change.reliability, reason: change.reason } });
    if (isDowngrade(current.reliability, change.reliability) && !current.retractedAt) {
      const questioning = { kind: "downgraded", from: current.reliability, to: change.reliability, reason: change.reason } as const;
      await notify(await sourceQuestionedNotifications(tx, { teamId, sourceId: id, sourceTitle: current.title, actorId: userId, questioning }));
    }
    afterCommit(() => refreshTeamPages(teamId));
    return { source, from: current.reliability };
  });
}
