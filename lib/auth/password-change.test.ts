import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { CLOSE_SIGNED_OUT } from "@/lib/collab/context";
import { runCommand } from "@/lib/commands/command";
import { eventually, TEST_SECRET, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { verifyCredentials } from "@/lib/users/queries";
import { changePassword, NO_PASSWORD_YET, type PasswordChange } from "./password-change";
import { issueResetLink, readResetLink } from "./password-resets";
import { ADDRESS_LIMIT } from "./rate-limit";
import { createSession, isSessionActive } from "./sessions";

/** Changing one's password on the account page, against a real database and collaboration server. */

useTestDatabase();
const collab = useCollabServer();

const OLD = "correct horse battery";
const NEW = "a new and longer passphrase";

async function analyst() {
  const { team } = await buildTeam();
  const user = await buildMember(team.id, "analyst");
  return { user, note: await buildNote(team.id, user.id) };
}

const change = (userId: string, sessionId: string, overrides: Partial<PasswordChange> = {}) =>
  changePassword({ userId, sessionId, currentPassword: OLD, newPassword: NEW, address: "203.0.113.7", ...overrides });

const passwordHashOf = async (userId: string) => (await db().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0].hash;

describe("changing one's password", () => {
  it("is refused, changing nothing, for an account opened through single sign-on, which has no password", async () => {
    const { user } = await analyst();
    await db().update(users).set({ passwordHash: null }).where(eq(users.id, user.id));
    const here = await createSession({ userId: user.id });
    await expect(change(user.id, here, { currentPassword: "" })).rejects.toThrow(NO_PASSWORD_YET);
    expect(await passwordHashOf(user.id)).toBeNull();
    expect(await verifyCredentials(user.email, NEW)).toBeNull();
  });

  it("needs the current password: a wrong one changes nothing and ends no session", async () => {
    const { user } = await analyst();
    const [here, laptop] = [await createSession({ userId: user.id }), await createSession({ userId: user.id })];
    const before = await passwordHashOf(user.id);
    await expect(change(user.id, here, { currentPassword: "not my password" })).rejects.toThrow("Your current password is not right.");
    expect(await passwordHashOf(user.id)).toBe(before);
    expect(await isSessionActive(laptop, user.id)).toBe(true);
    expect(await verifyCredentials(user.email, OLD)).not.toBeNull();
  });

  it.each([
    ["a short one", "short", "Choose a password of at least 8 characters."],
    ["a 10 kB one", "x".repeat(10_240), "That password is too long: a password can be at most 1024 bytes."],
    // 400 characters, but 1,200 bytes: the limit is on bytes.
    ["one of few characters but many bytes", "€".repeat(400), "That password is too long: a password can be at most 1024 bytes."],
  ])("refuses %s with a clear sentence, and changes nothing", async (_what, newPassword, message) => {
    const { user } = await analyst();
    const here = await createSession({ userId: user.id });
    const before = await passwordHashOf(user.id);
    await expect(change(user.id, here, { newPassword })).rejects.toThrow(message);
    expect(await passwordHashOf(user.id)).toBe(before);
  });

  it("takes a password of exactly 1024 bytes", async () => {
    const { user } = await analyst();
    const here = await createSession({ userId: user.id });
    const longest = "é".repeat(512);
    await change(user.id, here, { newPassword: longest });
    expect(await verifyCredentials(user.email, longest)).not.toBeNull();
  });

  it("sets the new password (argon2id), ends every other session and closes its editors, and keeps this one", async () => {
    const { user, note } = await analyst();
    const [here, laptop, phone] = [await createSession({ userId: user.id }), await createSession({ userId: user.id }), await createSession({ userId: user.id })];
    const token = (sessionId: string) => mintCollabToken({ userId: user.id, sessionId }, TEST_SECRET);
    const editorHere = await collab().connect(note.id, user.id, { token: await token(here) });
    const editorOnLaptop = await collab().connect(note.id, user.id, { token: await token(laptop) });
    await eventually(() => expect([editorHere.events.authenticated, editorOnLaptop.events.authenticated]).toEqual([["read-write"], ["read-write"]]));

    expect(await change(user.id, here)).toEqual({ sessionsEnded: 2 });

    expect(await passwordHashOf(user.id)).toMatch(/^\$argon2id\$/);
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ id: user.id });
    expect(await verifyCredentials(user.email, OLD)).toBeNull();
    expect(await isSessionActive(here, user.id)).toBe(true);
    expect(await isSessionActive(laptop, user.id)).toBe(false);
    expect(await isSessionActive(phone, user.id)).toBe(false);
    await eventually(() => expect(editorOnLaptop.events.closes).toContain(CLOSE_SIGNED_OUT.code));
    expect(editorHere.events.closes).toEqual([]);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.userId, user.id), eq(auditLog.action, "user.password_changed")));
    expect(entry.data).toEqual({ sessionsEnded: 2 });
  });

  it("stops a reset link that is still open from working", async () => {
    const { user } = await analyst();
    const here = await createSession({ userId: user.id });
    const link = await runCommand(({ tx }) => issueResetLink(tx, user.id, null));
    expect((await readResetLink(link)).state).toBe("open");
    await change(user.id, here);
    expect((await readResetLink(link)).state).toBe("used");
  });

  it("guesses at the current password are held to the sign-in limit", async () => {
    const { user } = await analyst();
    const here = await createSession({ userId: user.id });
    for (let i = 0; i < ADDRESS_LIMIT.freeAttempts; i++) {
      await expect(change(user.id, here, { currentPassword: `guess ${i}` })).rejects.toThrow("Your current password is not right.");
    }
    await expect(change(user.id, here)).rejects.toThrow("Too many attempts from this address; try again in 1 minute.");
    // From elsewhere, the right one goes through.
    expect(await change(user.id, here, { address: "198.51.100.20" })).toEqual({ sessionsEnded: 0 });
  });
});
