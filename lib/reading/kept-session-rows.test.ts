import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { sessions } from "@/db/schema";
import { createSession } from "@/lib/auth/sessions";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { KeptSessionRows } from "./kept-session-rows";

useTestDatabase();

const keeps = () => database().kind === "pglite";

async function sessionRows() {
  const { owner } = await buildTeam();
  const sid = await createSession({ userId: owner.id });
  const rows = new KeptSessionRows<{ user: string; lastSeenAt: Date | null; expiresAt: Date | null }>(10);
  let runs = 0;
  const read = () =>
    rows.first(sid, sid, async () => {
      runs++;
      return db().select({ user: sessions.userId, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, sid));
    });
  const lastSeen = async () => (await db().select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, sid)))[0].at;
  return { sid, read, runs: () => runs, lastSeen };
}

describe("rows kept with a session", () => {
  it("write down the session's use once, then are read again with its new times and kept", async () => {
    const { sid, read, runs, lastSeen } = await sessionRows();
    await db().update(sessions).set({ lastSeenAt: sql`now() - interval '10 minutes'` }).where(eq(sessions.id, sid));
    const before = await lastSeen();
    await read();
    expect((await lastSeen()).getTime()).toBeGreaterThan(before.getTime() + 9 * 60_000);
    await read();
    await read();
    expect(runs()).toBe(keeps() ? 2 : 3);
  });

  it("are not used once the session has expired, though no notice said so", async () => {
    const { sid, read, runs } = await sessionRows();
    await db().update(sessions).set({ expiresAt: sql`now() + interval '1 second'` }).where(eq(sessions.id, sid));
    await read();
    await read();
    expect(runs()).toBe(keeps() ? 1 : 2);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await read();
    expect(runs()).toBe(keeps() ? 2 : 3);
  });
});
