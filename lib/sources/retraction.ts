import "server-only";
import { eq } from "drizzle-orm";
import { sourceChanges, sources, type Source } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { badRequest } from "@/lib/errors";
import { sourceQuestionedNotifications } from "./propagation";
import { lockSource } from "./queries";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";

/**
 * Withdraws a source: it stays in the register and in every edition's
 * endnotes, marked retracted with the reason, which its history keeps. The
 * owners and the authors of what cites it are told, in the same transaction.
 */
export async function retractSource(teamId: string, userId: string, id: string, reason: string): Promise<Source> {
  return runCommand(async ({ tx, audit, notify, afterCommit }) => {
    const current = await lockSource(teamId, id, tx);
    if (current.retractedAt) throw badRequest("This source is already retracted; reinstate it first to retract it again.");
    const now = new Date();
    const [source] = await tx
      .update(sources)
      .set({ retractedAt: now, retractedBy: userId, retractionReason: reason, updatedAt: now })
      .where(eq(sources.id, id))
      .returning();
    await tx.insert(sourceChanges).values({ sourceId: id, teamId, kind: "retracted", toReliability: current.reliability, reason, changedBy: userId, changedAt: now });
    await audit({ teamId, userId, action: "source.retracted", target: id, data: { title: current.title, reason } });
    await notify(await sourceQuestionedNotifications(tx, { teamId, sourceId: id, sourceTitle: current.title, actorId: userId, questioning: { kind: "retracted", reason } }));
    // The reason is the team's working material, as a draft is: it stays in Dossier.
    await enqueueWebhookEvent(tx, teamId, "source.retracted", (team, origin) => ({
      source: { id, title: current.title, retractedAt: now.toISOString(), url: `${origin}/t/${team.slug}/sources/${id}` },
      retractedBy: userId,
    }));
    afterCommit(() => refreshTeamPages(teamId));
    return source;
  });
}

/** Takes a retraction back, with the reason kept in the source's history. What cites it is no longer warned of it. */
export async function reinstateSource(teamId: string, userId: string, id: string, reason: string): Promise<Source> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const current = await lockSource(teamId, id, tx);
    if (!current.retractedAt) throw badRequest("This source is not retracted, so there is nothing to reinstate.");
    const now = new Date();
    const [source] = await tx
      .update(sources)
      .set({ retractedAt: null, retractedBy: null, retractionReason: null, updatedAt: now })
      .where(eq(sources.id, id))
      .returning();
    await tx.insert(sourceChanges).values({ sourceId: id, teamId, kind: "reinstated", toReliability: current.reliability, reason, changedBy: userId, changedAt: now });
    await audit({ teamId, userId, action: "source.reinstated", target: id, data: { title: current.title, reason } });
    afterCommit(() => refreshTeamPages(teamId));
    return source;
  });
}
