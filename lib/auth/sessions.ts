import "server-only";
import { and, eq, gt, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db";
import { sessions } from "@/db/schema";
import { closeUserConnections } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { endSessions } from "./account-sessions";

/** How long a session lasts after its last use (the cookie's own lifetime is the same). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** last_seen_at is written at most this often, so most requests only read. */
export const SESSION_TOUCH_EVERY_MS = 5 * 60_000;

const uuid = z.uuid();
/** The value as an id, or null: a cookie's contents are checked before they reach a query. */
export const idOrNull = (value: unknown) => {
  const parsed = uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const expiry = sql`now() + ${sql.raw(String(SESSION_MAX_AGE_SECONDS))} * interval '1 second'`;

/** Starts a session at sign-in; its id goes into the session cookie. */
export async function createSession(input: { userId: string; userAgent?: string | null; address?: string | null }, tx: Executor = db()): Promise<string> {
  const [row] = await tx
    .insert(sessions)
    .values({ userId: input.userId, userAgent: input.userAgent?.slice(0, 512) ?? null, address: input.address ?? null, expiresAt: expiry })
    .returning({ id: sessions.id });
  return row.id;
}

/**
 * Whether the cookie's session is still on record for this user: not signed
 * out, not ended everywhere, not expired. A cookie without one (forged or
 * from before sessions were kept) has none.
 */
export async function isSessionActive(sessionId: unknown, userId: unknown): Promise<boolean> {
  const live = liveSession(sessionId, userId);
  if (!live) return false;
  const [row] = await db().select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(live);
  if (!row) return false;
  await touchSession(String(sessionId), row.lastSeenAt);
  return true;
}

/** The condition a cookie's session must meet on record (see isSessionActive), or null when its ids are not ids at all. */
export function liveSession(sessionId: unknown, userId: unknown): SQL | null {
  const id = idOrNull(sessionId);
  const user = idOrNull(userId);
  return id && user ? liveSessionOf(id, user) : null;
}

/** That condition for ids already checked, or for a prepared query's placeholders. */
export const liveSessionOf = (sessionId: string | SQLWrapper, userId: string | SQLWrapper) =>
  and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`))!;

/** A session in use lasts SESSION_MAX_AGE_SECONDS from its last use, written down at most every few minutes. */
export async function touchSession(sessionId: string, lastSeenAt: Date): Promise<void> {
  if (Date.now() - lastSeenAt.getTime() <= SESSION_TOUCH_EVERY_MS) return;
  await db().update(sessions).set({ lastSeenAt: sql`now()`, expiresAt: expiry }).where(eq(sessions.id, sessionId));
}

/**
 * Ends one session (signing out): its cookie, and every copy of it, stops
 * working. Once that is committed, the editors it opened are closed on every process.
 */
export async function revokeSession(sessionId: unknown): Promise<void> {
  const id = idOrNull(sessionId);
  if (!id) return;
  await runCommand(async ({ tx, afterCommit }) => {
    const [ended] = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
      .returning({ userId: sessions.userId });
    if (ended) afterCommit(() => closeUserConnections(ended.userId, id));
  });
}

/**
 * Ends every session of a user ("Sign out everywhere"), then closes all
 * their open editors on every process. Returns how many sessions were open.
 */
export function revokeUserSessions(userId: string): Promise<number> {
  return runCommand(async (command) => (await endSessions(command, userId)).length);
}
