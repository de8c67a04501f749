import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database, db } from "@/db";
import { memberships, sessions } from "@/db/schema";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { KeptUntilChanged } from "./reading-cache";

useTestDatabase();
// Signing out closes the session's editors.
useCollabServer();

const store = new KeptUntilChanged<number>(100);

/** How many times `load` ran over the reads of one key. */
function counted(key: string) {
  let runs = 0;
  const read = () => store.get(key, async () => ++runs);
  return { read, runs: () => runs };
}

/** On PGlite a value is kept; on PostgreSQL every read runs the query (see reading-cache.ts). */
const keeps = () => database().kind === "pglite";

describe("what the reading pages keep of their query", () => {
  it("is read once while nothing it depends on changes, and again right after a change to a table it reads", async () => {
    const { team, owner } = await buildTeam();
    const key = counted(`team ${team.id}`);
    await key.read();
    await key.read();
    await key.read();
    expect(key.runs()).toBe(keeps() ? 1 : 3);

    // A change to a table the pages read is seen by the very next read.
    await db().update(memberships).set({ role: "analyst" }).where(eq(memberships.teamId, team.id));
    await key.read();
    expect(key.runs()).toBe(keeps() ? 2 : 4);

    // A session's use (a touch: last seen and expiry move together) says nothing; its end does.
    const sid = await createSession({ userId: owner.id });
    await key.read();
    const runs = key.runs();
    await db().update(sessions).set({ lastSeenAt: sql`now() + interval '1 minute'`, expiresAt: sql`now() + interval '31 days'` }).where(eq(sessions.id, sid));
    await key.read();
    expect(key.runs()).toBe(keeps() ? runs : runs + 1);
    await revokeSession(sid);
    await key.read();
    expect(key.runs()).toBe(runs + (keeps() ? 1 : 2));
  });

  it("forgets on a commit, including a transaction's, and on an expiry shortened by hand", async () => {
    const { team, owner } = await buildTeam();
    const key = counted(`committed ${team.id}`);
    await key.read();
    await db().transaction(async (tx) => {
      await tx.update(memberships).set({ role: "reviewer" }).where(eq(memberships.userId, owner.id));
      await tx.update(memberships).set({ role: "owner" }).where(eq(memberships.userId, owner.id));
    });
    const afterCommit = key.runs();
    await key.read();
    expect(key.runs()).toBe(afterCommit + 1);

    const sid = await createSession({ userId: owner.id });
    await key.read();
    const before = key.runs();
    await db().update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, sid));
    await key.read();
    expect(key.runs()).toBe(before + 1);
  });

  it("keeps at most as many values as it was given room for, letting the oldest go", async () => {
    const small = new KeptUntilChanged<number>(2);
    let runs = 0;
    const read = (key: string) => small.get(key, async () => ++runs);
    await read("a");
    await read("b");
    await read("c");
    await read("c");
    expect(runs).toBe(keeps() ? 3 : 4);
    await read("a");
    expect(runs).toBe(keeps() ? 4 : 5);
  });

  it("does not keep a value read while a change was committed, which may be from before it", async () => {
    const { team } = await buildTeam();
    let runs = 0;
    const load = async () => {
      runs++;
      if (runs === 1) await db().update(memberships).set({ role: "owner" }).where(eq(memberships.teamId, team.id));
      return runs;
    };
    await store.get(`racing ${team.id}`, load);
    await store.get(`racing ${team.id}`, load);
    expect(runs).toBe(2);
  });
});
