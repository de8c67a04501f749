import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, sessions, signInCounters } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { buildUser } from "@/lib/testing/factories";
import { whileRefusingInserts } from "@/lib/testing/refused-inserts";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { authorizeCredentials, type SignedIn } from "./credentials";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT } from "./rate-limit";
import { isSessionActive } from "./sessions";
import { signInErrorMessage } from "./sign-in-refusal";

/**
 * The sign-in limit, through the credentials provider's own check against a
 * real database (PGlite, or PostgreSQL with DATABASE_URL): what a guesser
 * gets, and what the account's owner still gets.
 */

useTestDatabase();

const PASSWORD = "correct horse battery";
const ADDRESS_A = "203.0.113.7";
const ADDRESS_B = "198.51.100.20";

type Outcome = { signedIn: SignedIn } | { wrong: true } | { refused: string };

/** A sign-in as the form posts it, from `address` (as server.ts records it). */
async function attempt(email: string, password: string, address: string): Promise<Outcome> {
  const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: address } });
  try {
    const user = await authorizeCredentials({ email, password }, request);
    return user ? { signedIn: user } : { wrong: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!code?.startsWith("too_many_attempts")) throw error;
    return { refused: signInErrorMessage(code) };
  }
}

/** Attempts that reached the password check and failed: each leaves an entry in the audit log. */
async function passwordChecksFailed(email: string) {
  const [row] = await db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, "user.sign_in_failed"), eq(auditLog.target, email)));
  return row.n;
}

/** Sign-ins that succeeded: each leaves an entry in the audit log. */
async function signInsOnRecord(userId: string) {
  const [row] = await db()
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, "user.signed_in"), eq(auditLog.userId, userId)));
  return row.n;
}

/** Lets the wait on a counter run out, as if the time had passed. */
async function waitOut(email: string, address: string) {
  await db()
    .update(signInCounters)
    .set({ blockedUntil: new Date(Date.now() - 1_000) })
    .where(and(eq(signInCounters.account, email), eq(signInCounters.address, address)));
}

describe("the sign-in limit", () => {
  it.each([40, 60])("a burst of %i concurrent wrong passwords from one address reaches the password check no more often than the limit; the owner elsewhere signs in", async (burst) => {
    const user = await buildUser({ password: PASSWORD });
    const results = await Promise.all(Array.from({ length: burst }, (_, i) => attempt(user.email, `wrong-${i}`, ADDRESS_A)));

    expect(await passwordChecksFailed(user.email)).toBeLessThanOrEqual(ADDRESS_LIMIT.freeAttempts);
    expect(results.filter((r) => "wrong" in r).length).toBeLessThanOrEqual(ADDRESS_LIMIT.freeAttempts);
    expect(results.filter((r) => "refused" in r).length).toBeGreaterThanOrEqual(burst - ADDRESS_LIMIT.freeAttempts);
    expect(results.find((r) => "refused" in r)).toEqual({ refused: "Too many attempts from this address; try again in 1 minute." });

    // The guesser's address waits, even with the right password; the owner elsewhere signs in at once.
    expect(await attempt(user.email, PASSWORD, ADDRESS_A)).toEqual({ refused: "Too many attempts from this address; try again in 1 minute." });
    const owner = await attempt(user.email, PASSWORD, ADDRESS_B);
    expect(owner).toMatchObject({ signedIn: { id: user.id, email: user.email } });
  });

  it("makes each further attempt from that address wait twice as long, up to 15 minutes", async () => {
    const user = await buildUser({ password: PASSWORD });
    for (let i = 0; i < ADDRESS_LIMIT.freeAttempts; i++) expect(await attempt(user.email, `wrong-${i}`, ADDRESS_A)).toEqual({ wrong: true });
    const waits: string[] = [];
    for (let i = 0; i < 6; i++) {
      waits.push((await attempt(user.email, "wrong again", ADDRESS_A) as { refused: string }).refused);
      await waitOut(user.email, ADDRESS_A);
      expect(await attempt(user.email, "wrong after waiting", ADDRESS_A)).toEqual({ wrong: true });
    }
    expect(waits.map((w) => w.match(/in (\d+) minutes?/)![1])).toEqual(["1", "2", "4", "8", "15", "15"]);
  });

  it("clears the address's count when the right password is given, and keeps the failures in the audit log", async () => {
    const user = await buildUser({ password: PASSWORD });
    for (let i = 0; i < ADDRESS_LIMIT.freeAttempts - 1; i++) await attempt(user.email, `typo-${i}`, ADDRESS_A);
    expect(await attempt(user.email, PASSWORD, ADDRESS_A)).toMatchObject({ signedIn: { id: user.id } });
    for (let i = 0; i < ADDRESS_LIMIT.freeAttempts; i++) expect(await attempt(user.email, `typo-again-${i}`, ADDRESS_A)).toEqual({ wrong: true });
    expect(await passwordChecksFailed(user.email)).toBe(2 * ADDRESS_LIMIT.freeAttempts - 1);
  });

  it("slows, but does not lock, an account guessed at from many addresses", async () => {
    const user = await buildUser({ password: PASSWORD });
    const addresses = Array.from({ length: ACCOUNT_LIMIT.freeAttempts }, (_, i) => `192.0.2.${i + 1}`);
    for (const address of addresses) expect(await attempt(user.email, "guess", address)).toEqual({ wrong: true });
    // The account has had its free attempts: the next, from anywhere, waits its turn (a second).
    expect(await attempt(user.email, PASSWORD, ADDRESS_B)).toEqual({ refused: "This account is getting many sign-in attempts; try again in a few seconds." });
    await waitOut(user.email, "*");
    expect(await attempt(user.email, PASSWORD, ADDRESS_B)).toMatchObject({ signedIn: { id: user.id } });
  });

  it("does not slow an account for its owner's own sign-ins", async () => {
    const user = await buildUser({ password: PASSWORD });
    for (let i = 0; i < ACCOUNT_LIMIT.freeAttempts + 5; i++) expect(await attempt(user.email, PASSWORD, ADDRESS_A)).toHaveProperty("signedIn");
  });

  it("starts a session on record at each sign-in", async () => {
    const user = await buildUser({ password: PASSWORD });
    const first = await attempt(user.email, PASSWORD, ADDRESS_A);
    const second = await attempt(user.email, PASSWORD, ADDRESS_B);
    if (!("signedIn" in first) || !("signedIn" in second)) throw new Error("both sign-ins should succeed");
    expect(first.signedIn.sessionId).not.toBe(second.signedIn.sessionId);
    expect(await isSessionActive(first.signedIn.sessionId, user.id)).toBe(true);
    const someoneElse = await buildUser();
    expect(await isSessionActive(first.signedIn.sessionId, someoneElse.id)).toBe(false);
    expect(await signInsOnRecord(user.id)).toBe(2);
  });

  it("starts no session when its sign-in cannot be put on record", async () => {
    const user = await buildUser({ password: PASSWORD });
    await expect(whileRefusingInserts("audit_log", () => attempt(user.email, PASSWORD, ADDRESS_A))).rejects.toThrow();
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect(await signInsOnRecord(user.id)).toBe(0);
  });
});
