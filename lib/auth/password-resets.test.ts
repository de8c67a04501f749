import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { auditLog, mailOutbox, passwordResets, users } from "@/db/schema";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { CLOSE_SIGNED_OUT } from "@/lib/collab/context";
import { teamAuditLog } from "@/lib/audit-queries";
import { outbox } from "@/lib/mail/outbox";
import { feedTokenActor, renewFeedToken } from "@/lib/publishing/feeds";
import { createApiToken, tokenHolder } from "@/lib/api/tokens";
import { eventually, TEST_SECRET, useCollabServer } from "@/lib/testing/collab";
import { addMember } from "@/lib/teams/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, buildUser } from "@/lib/testing/factories";
import { verifyCredentials } from "@/lib/users/queries";
import { requestPasswordReset, RESET_ADDRESS_LIMIT, RESET_EMAIL_LIMIT, RESET_NEEDS_OWNER, RESET_REQUESTED } from "./forgot-password";
import { createResetLinkForMember, readResetLink, RESET_LINK_REFUSALS, resetPassword } from "./password-resets";
import { createSession, isSessionActive } from "./sessions";

/**
 * Password reset links, mailed on request or made by an owner, against a real
 * database and collaboration server. Mail is configured (an SMTP_URL nobody
 * listens on: these tests read the outbox; password-reset-mail.test.ts sends).
 */

useTestDatabase();
const collab = useCollabServer();

beforeAll(() => void vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525"));
afterAll(() => void vi.unstubAllEnvs());
afterEach(async () => {
  await db().delete(mailOutbox);
});

const NEW = "a brand new passphrase";
let addressCounter = 0;
/** Each test asks from addresses of its own, so the limits of one do not reach the next. */
const freshAddress = () => `192.0.2.${++addressCounter}`;

/** The link in the newest reset mail to `email`, as its reader would follow it. */
async function linkMailedTo(email: string): Promise<string> {
  const mails = (await outbox()).filter((mail) => mail.recipient === email && mail.kind === "password_reset");
  const token = mails.at(-1)?.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no reset link was mailed to ${email}`);
  return token;
}

const mailsTo = async (email: string) => (await outbox()).filter((mail) => mail.recipient === email);
const resetLinksOf = async (userId: string) => (await db().select({ n: count() }).from(passwordResets).where(eq(passwordResets.userId, userId)))[0].n;

describe("asking for a reset link", () => {
  it("mails a link to an account's address, and answers an unknown address the same way without queueing anything", async () => {
    const user = await buildUser();
    const address = freshAddress();
    await expect(requestPasswordReset(user.email.toUpperCase(), address)).resolves.toBe(RESET_REQUESTED);
    await expect(requestPasswordReset("nobody-here@example.test", address)).resolves.toBe(RESET_REQUESTED);
    expect(RESET_REQUESTED).toBe("If an account exists for that address, we have sent a link to set a new password. It works once, within 30 minutes.");

    const [mail] = await mailsTo(user.email);
    expect(mail).toMatchObject({ kind: "password_reset", userId: user.id, subject: "Set a new Dossier password" });
    expect(mail.text).toContain(`Set a new password: http://localhost:3000/reset-password/`);
    expect(mail.text).toContain("works once, within 30 minutes");
    expect(await mailsTo("nobody-here@example.test")).toEqual([]);
    expect(await outbox()).toHaveLength(1);
    expect(await resetLinksOf(user.id)).toBe(1);

    // Both requests are on record, with the address they came from.
    const requests = await db().select().from(auditLog).where(eq(auditLog.action, "user.password_reset_requested"));
    expect(requests.map(({ userId, target, data }) => ({ userId, target, data }))).toEqual(
      expect.arrayContaining([
        { userId: user.id, target: user.email, data: { address } },
        { userId: null, target: "nobody-here@example.test", data: { address } },
      ]),
    );
  });

  it("keeps only a hash of the token", async () => {
    const user = await buildUser();
    await requestPasswordReset(user.email, freshAddress());
    const token = await linkMailedTo(user.email);
    const [stored] = await db().select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("without mail configured, says to ask an owner, whoever asks, and makes no link", async () => {
    const user = await buildUser();
    vi.stubEnv("SMTP_URL", "");
    try {
      expect(await requestPasswordReset(user.email, freshAddress())).toBe(RESET_NEEDS_OWNER);
      expect(await requestPasswordReset("nobody-at-all@example.test", freshAddress())).toBe(RESET_NEEDS_OWNER);
    } finally {
      vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:2525");
    }
    expect(await resetLinksOf(user.id)).toBe(0);
    expect(await outbox()).toEqual([]);
  });

  it("limits requests for one email, known or not, from anywhere", async () => {
    const user = await buildUser();
    for (const email of [user.email, "unknown-limited@example.test"]) {
      for (let i = 0; i < RESET_EMAIL_LIMIT.freeAttempts; i++) await requestPasswordReset(email, freshAddress());
      await expect(requestPasswordReset(email, freshAddress())).rejects.toThrow("Too many reset requests for that e-mail address; try again in 15 minutes.");
    }
    expect(await mailsTo(user.email)).toHaveLength(RESET_EMAIL_LIMIT.freeAttempts);
    // Someone else's address is not held up.
    const other = await buildUser();
    await requestPasswordReset(other.email, freshAddress());
    expect(await mailsTo(other.email)).toHaveLength(1);
  });

  it("limits requests from one client address, whatever emails it names; other addresses go on", async () => {
    const address = freshAddress();
    const users = await Promise.all(Array.from({ length: RESET_ADDRESS_LIMIT.freeAttempts + 1 }, () => buildUser()));
    for (const user of users.slice(0, -1)) await requestPasswordReset(user.email, address);
    const last = users.at(-1)!;
    await expect(requestPasswordReset(last.email, address)).rejects.toThrow("Too many reset requests from this address; try again in 1 minute.");
    await expect(requestPasswordReset("unknown-from-there@example.test", address)).rejects.toThrow("Too many reset requests from this address");
    expect(await mailsTo(last.email)).toEqual([]);
    await requestPasswordReset(last.email, freshAddress());
    expect(await mailsTo(last.email)).toHaveLength(1);
  });
});

describe("a reset link", () => {
  it("sets the password once: a second use fails with a clear sentence", async () => {
    const user = await buildUser();
    await requestPasswordReset(user.email, freshAddress());
    const token = await linkMailedTo(user.email);
    expect(await readResetLink(token)).toEqual({ state: "open", email: user.email });

    expect(await resetPassword(token, NEW)).toEqual({ email: user.email });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ id: user.id });

    await expect(resetPassword(token, "yet another passphrase")).rejects.toThrow(RESET_LINK_REFUSALS.used);
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ id: user.id });
    expect(await readResetLink(token)).toEqual({ state: "used" });
  });

  it("used twice at once, sets the password once", async () => {
    const user = await buildUser();
    await requestPasswordReset(user.email, freshAddress());
    const token = await linkMailedTo(user.email);
    const results = await Promise.allSettled([resetPassword(token, "first passphrase"), resetPassword(token, "second passphrase")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { message: RESET_LINK_REFUSALS.used } });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.userId, user.id), eq(auditLog.action, "user.password_reset")))).toHaveLength(1);
  });

  it("lasts 30 minutes: a link past that fails with a clear sentence and changes nothing", async () => {
    const user = await buildUser();
    await requestPasswordReset(user.email, freshAddress());
    const token = await linkMailedTo(user.email);
    const [link] = await db()
      .select({ minutes: sql<number>`extract(epoch from (${passwordResets.expiresAt} - ${passwordResets.createdAt})) / 60` })
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect(Math.round(Number(link.minutes))).toBe(30);

    // A second before it ends, it still works (checked without using it up).
    await db().update(passwordResets).set({ expiresAt: sql`now() + interval '1 second'` }).where(eq(passwordResets.userId, user.id));
    expect((await readResetLink(token)).state).toBe("open");
    // Once the 30 minutes are over.
    await db().update(passwordResets).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(passwordResets.userId, user.id));
    expect(await readResetLink(token)).toEqual({ state: "expired" });
    await expect(resetPassword(token, NEW)).rejects.toThrow(RESET_LINK_REFUSALS.expired);
    expect(await verifyCredentials(user.email, NEW)).toBeNull();
  });

  it("refuses a made-up token, and a weak or 10 kB password without using the link up", async () => {
    await expect(resetPassword("made-up-token-of-some-length", NEW)).rejects.toThrow(RESET_LINK_REFUSALS.unknown);
    const user = await buildUser();
    await requestPasswordReset(user.email, freshAddress());
    const token = await linkMailedTo(user.email);
    await expect(resetPassword(token, "short")).rejects.toThrow("Choose a password of at least 8 characters.");
    await expect(resetPassword(token, "x".repeat(10_240))).rejects.toThrow("That password is too long: a password can be at most 1024 bytes.");
    expect((await readResetLink(token)).state).toBe("open");
  });

  it("ends every session of the account and closes its editors, and stops the account's other links and its feed links", async () => {
    const { team } = await buildTeam();
    const user = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, user.id);
    const feed = await renewFeedToken(user.id, team.id);
    expect(await feedTokenActor(feed, team.id)).not.toBeNull();
    const { token: apiToken } = await createApiToken({ userId: user.id, teamId: team.id, name: "script", scope: "read" });
    expect(await tokenHolder(apiToken)).not.toBeNull();
    const [laptop, phone] = [await createSession({ userId: user.id }), await createSession({ userId: user.id })];
    const editor = await collab().connect(note.id, user.id, { token: await mintCollabToken({ userId: user.id, sessionId: laptop }, TEST_SECRET) });
    await eventually(() => expect(editor.events.authenticated).toEqual(["read-write"]));
    await requestPasswordReset(user.email, freshAddress());
    const first = await linkMailedTo(user.email);
    await requestPasswordReset(user.email, freshAddress());
    const second = await linkMailedTo(user.email);

    await resetPassword(second, NEW);

    expect(await isSessionActive(laptop, user.id)).toBe(false);
    expect(await isSessionActive(phone, user.id)).toBe(false);
    await eventually(() => expect(editor.events.closes).toContain(CLOSE_SIGNED_OUT.code));
    await expect(resetPassword(first, "someone else's passphrase")).rejects.toThrow(RESET_LINK_REFUSALS.used);
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ id: user.id });
    // Someone who held the account could have made a feed link; it reads the team's briefs no more.
    expect(await feedTokenActor(feed, team.id)).toBeNull();
    // And an API token: it is revoked too.
    expect(await tokenHolder(apiToken)).toBeNull();
  });
});

describe("a reset link made by an owner", () => {
  it("is made for a member of the owner's team (another owner, or the owner themself), and recorded in the team's audit log", async () => {
    const { team, owner } = await buildTeam();
    const member = await buildMember(team.id, "reviewer");
    const coOwner = await buildMember(team.id, "owner");
    const actor = { userId: owner.id, teamId: team.id, role: "owner" as const };
    for (const who of [member, coOwner, owner]) {
      const url = await createResetLinkForMember(actor, who.id);
      expect(url).toMatch(/^http:\/\/localhost:3000\/reset-password\/[A-Za-z0-9_-]{43}$/);
      expect(await readResetLink(url.split("/reset-password/")[1])).toEqual({ state: "open", email: who.email });
    }
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.teamId, team.id), eq(auditLog.action, "user.password_reset_link_created")));
    expect(entries.map((entry) => [entry.userId, entry.target])).toEqual([
      [owner.id, member.id],
      [owner.id, coOwner.id],
      [owner.id, owner.id],
    ]);
    // The link knows who made it.
    const [made] = await db().select().from(passwordResets).where(eq(passwordResets.userId, member.id));
    expect(made.createdBy).toBe(owner.id);
  });

  it("shows in the team's audit log when it is made and when it is used; another team's resets do not", async () => {
    const { team, owner } = await buildTeam();
    const member = await buildMember(team.id, "analyst");
    const { team: otherTeam, owner: otherOwner } = await buildTeam();
    const outsider = await buildMember(otherTeam.id, "analyst");
    const mine = await createResetLinkForMember({ userId: owner.id, teamId: team.id, role: "owner" }, member.id);
    const theirs = await createResetLinkForMember({ userId: otherOwner.id, teamId: otherTeam.id, role: "owner" }, outsider.id);
    await resetPassword(mine.split("/reset-password/")[1], NEW);
    await resetPassword(theirs.split("/reset-password/")[1], NEW);

    const log = await teamAuditLog(team.id);
    expect(log.map(({ action, userName }) => [action, userName])).toEqual([
      ["user.password_reset", member.name],
      ["user.password_reset_link_created", owner.name],
    ]);
  });

  it("is not made for someone outside the team, nor by a member who is not an owner", async () => {
    const { team, owner } = await buildTeam();
    const { team: otherTeam } = await buildTeam();
    const outsider = await buildMember(otherTeam.id, "analyst");
    const analyst = await buildMember(team.id, "analyst");
    const colleague = await buildMember(team.id, "reader");

    await expect(createResetLinkForMember({ userId: owner.id, teamId: team.id, role: "owner" }, outsider.id)).rejects.toThrow("That member was not found.");
    await expect(createResetLinkForMember({ userId: analyst.id, teamId: team.id, role: "analyst" }, colleague.id)).rejects.toThrow("You do not have permission to do that.");
    expect(await resetLinksOf(outsider.id)).toBe(0);
    expect(await resetLinksOf(colleague.id)).toBe(0);
  });

  it("is refused for someone in other teams too, by an owner of any of them: a password opens every team of the account", async () => {
    const { team: first, owner: firstOwner } = await buildTeam();
    const { team: second, owner: secondOwner } = await buildTeam();
    const both = await buildMember(first.id, "analyst");
    await addMember(second.id, both.id, "reader");
    for (const [owner, team] of [[firstOwner, first], [secondOwner, second]] as const) {
      await expect(createResetLinkForMember({ userId: owner.id, teamId: team.id, role: "owner" }, both.id)).rejects.toThrow(/belongs to other teams too/);
    }
    expect(await resetLinksOf(both.id)).toBe(0);
  });

  it("is refused for a member who signs in through single sign-on and has no password", async () => {
    const { team, owner } = await buildTeam();
    const member = await buildMember(team.id, "analyst");
    await db().update(users).set({ passwordHash: null }).where(eq(users.id, member.id));
    await expect(createResetLinkForMember({ userId: owner.id, teamId: team.id, role: "owner" }, member.id)).rejects.toThrow(/has no password/);
    expect(await resetLinksOf(member.id)).toBe(0);
  });
});
