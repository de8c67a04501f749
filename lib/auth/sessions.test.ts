import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildUser } from "@/lib/testing/factories";
import { createSession, isSessionActive, revokeSession, revokeUserSessions } from "./sessions";

useTestDatabase();
// Ending a session closes its open editors through the running collaboration server (lib/collab/sign-out.test.ts).
useCollabServer();

describe("sessions on record", () => {
  it("signing out ends that session only", async () => {
    const user = await buildUser();
    const [laptop, phone] = [await createSession({ userId: user.id }), await createSession({ userId: user.id })];
    await revokeSession(laptop);
    expect(await isSessionActive(laptop, user.id)).toBe(false);
    expect(await isSessionActive(phone, user.id)).toBe(true);
  });

  it("signing out everywhere ends every session of the user, and no one else's", async () => {
    const [user, other] = [await buildUser(), await buildUser()];
    const mine = [await createSession({ userId: user.id }), await createSession({ userId: user.id })];
    const theirs = await createSession({ userId: other.id });
    expect(await revokeUserSessions(user.id)).toBe(2);
    for (const id of mine) expect(await isSessionActive(id, user.id)).toBe(false);
    expect(await isSessionActive(theirs, other.id)).toBe(true);
  });

  it("an expired session, a session of someone else, and a made-up id are not open", async () => {
    const [user, other] = [await buildUser(), await buildUser()];
    const id = await createSession({ userId: user.id });
    expect(await isSessionActive(id, other.id)).toBe(false);
    expect(await isSessionActive("not-a-uuid", user.id)).toBe(false);
    expect(await isSessionActive(undefined, user.id)).toBe(false);
    await db().update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.id, id));
    expect(await isSessionActive(id, user.id)).toBe(false);
  });
});
