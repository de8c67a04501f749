import "server-only";
import { and, desc, eq, gt, isNull, ne, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { closeUserConnections } from "@/lib/collab/registry";
import { runCommand, type CommandContext } from "@/lib/commands/command";
import { badRequest, notFound } from "@/lib/errors";
import { describeDevice } from "./devices";

/**
 * A user's own sessions, as the account page shows and ends them. Every query
 * here is scoped by the user's id: a session id of someone else's names
 * nothing, whoever asks.
 */

const open = (userId: string): SQL => and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`))!;

export interface SessionSummary {
  id: string;
  /** "Chromium on Linux", read from the browser's user agent. */
  device: string;
  address: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  /** The browser asking. */
  current: boolean;
}

/** The user's open sessions, the one asking first, then the most recently seen. */
export async function listSessions(userId: string, currentSessionId: string): Promise<SessionSummary[]> {
  const rows = await db().select().from(sessions).where(open(userId)).orderBy(desc(sessions.lastSeenAt));
  return rows
    .map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent),
      address: row.address,
      startedAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends open sessions of a user within a command: all of them, or all but the
 * one asking (`except`), or just one (`only`). Once committed, the editors
 * those sessions opened are closed on every process: all of the user's when
 * all end, else each ended session's, so the browser asking keeps its own.
 */
export async function endSessions(
  { tx, afterCommit }: Pick<CommandContext, "tx" | "afterCommit">,
  userId: string,
  which: { except?: string; only?: string } = {},
): Promise<string[]> {
  const conditions = [open(userId)];
  if (which.except) conditions.push(ne(sessions.id, which.except));
  if (which.only) conditions.push(eq(sessions.id, which.only));
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  const ids = ended.map((row) => row.id);
  if (!which.except && !which.only) afterCommit(() => closeUserConnections(userId));
  else for (const id of ids) afterCommit(() => closeUserConnections(userId, id));
  return ids;
}

/** "Sign out of all other sessions": every session of the user but this one. Returns how many ended. */
export function endOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  return runCommand(async (command) => {
    const ended = await endSessions(command, userId, { except: currentSessionId });
    if (ended.length > 0) await command.audit({ userId, action: "user.sessions_ended", data: { sessions: ended.length, kept: currentSessionId } });
    return ended.length;
  });
}

/** Ends one other session of the user; a session that is not theirs, or not open, is not found. */
export async function endOwnSession(userId: string, currentSessionId: string, sessionId: string): Promise<void> {
  if (sessionId === currentSessionId) throw badRequest("That is this browser's session: use Sign out to end it.");
  return runCommand(async (command) => {
    const ended = await endSessions(command, userId, { only: sessionId });
    if (ended.length === 0) throw notFound("That session");
    await command.audit({ userId, action: "user.sessions_ended", data: { sessions: 1, ended: sessionId } });
  });
}
