import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { apiTokens, feedTokens } from "@/db/schema";

/**
 * Revokes what a member held to reach the team from outside a browser (API
 * tokens, feed links), in the transaction that ends their membership. They
 * already open nothing once the member is gone; revoked, they stay dead if
 * the member is ever let back in.
 */
export async function revokeMemberCredentials(tx: Executor, teamId: string, userId: string): Promise<void> {
  const now = new Date();
  await tx.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.teamId, teamId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  await tx.update(feedTokens).set({ revokedAt: now }).where(and(eq(feedTokens.teamId, teamId), eq(feedTokens.userId, userId), isNull(feedTokens.revokedAt)));
}
