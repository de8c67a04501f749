import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { apiTokens, feedTokens, passwordResets } from "@/db/schema";
import type { CommandContext } from "@/lib/commands/command";
import { endSessions } from "./account-sessions";

/**
 * Everything someone who held an account could have opened with it, shut in
 * the command's transaction: its sessions (and, once committed, their
 * editors), its open reset links, its personal feed links and API tokens. For a password
 * set anew by a reset, and for a password dropped because nothing proved it
 * was the owner's. Returns how many sessions ended.
 */
export async function lockOutAccount(command: Pick<CommandContext, "tx" | "afterCommit">, userId: string): Promise<number> {
  await voidResetLinks(command.tx, userId);
  await command.tx.update(feedTokens).set({ revokedAt: new Date() }).where(and(eq(feedTokens.userId, userId), isNull(feedTokens.revokedAt)));
  await command.tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  return (await endSessions(command, userId)).length;
}

/** Ends every open link of the user: their password has just been set, by a link or on the account page. */
export async function voidResetLinks(tx: Executor, userId: string): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
