import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, memberships, teams, users } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { verifyCredentials } from "@/lib/users/queries";
import { ALREADY_SET_UP, isSetUp, setUpDossier } from "./first-start";

/**
 * The first start against a real database (PGlite, or PostgreSQL with
 * DATABASE_URL): each test begins with no account, as a new installation does.
 */

useTestDatabase();

beforeEach(async () => {
  await db().delete(teams);
  await db().delete(users);
  await db().delete(auditLog);
});

const form = (overrides: Record<string, unknown> = {}) => ({
  name: "Ana Berg",
  email: "ana@example.org",
  password: "a long enough passphrase",
  teamName: "Korea Desk",
  teamSlug: "korea-desk",
  ...overrides,
});

async function counts() {
  const [[u], [t], [m]] = await Promise.all([
    db().select({ n: count() }).from(users),
    db().select({ n: count() }).from(teams),
    db().select({ n: count() }).from(memberships),
  ]);
  return { users: u.n, teams: t.n, memberships: m.n };
}

describe("setting Dossier up", () => {
  it("creates the first account and team, with that person as the owner, and records both", async () => {
    expect(await isSetUp()).toBe(false);
    const { user, team } = await setUpDossier(form({ email: "  Ana@Example.org " }));

    expect(await isSetUp()).toBe(true);
    expect(team).toMatchObject({ name: "Korea Desk", slug: "korea-desk" });
    expect(await db().select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, team.id))).toEqual([
      { userId: user.id, role: "owner" },
    ]);
    // The account signs in with what was typed, by its address in any case.
    expect(await verifyCredentials("ana@example.org", "a long enough passphrase")).toMatchObject({ id: user.id, name: "Ana Berg" });
    expect(await verifyCredentials("ana@example.org", "another passphrase")).toBeNull();
    const recorded = await db().select({ action: auditLog.action, teamId: auditLog.teamId, userId: auditLog.userId }).from(auditLog);
    expect(recorded).toEqual(
      expect.arrayContaining([
        { action: "user.created", teamId: null, userId: user.id },
        { action: "team.created", teamId: team.id, userId: user.id },
      ]),
    );
  });

  it("makes the team's slug from its name when none is given", async () => {
    const { team } = await setUpDossier(form({ teamName: "Sahel & Maghreb Watch", teamSlug: "" }));
    expect(team.slug).toBe("sahel-maghreb-watch");
  });

  it("refuses once an account exists, and changes nothing", async () => {
    await setUpDossier(form());
    const before = await counts();
    await expect(setUpDossier(form({ email: "intruder@example.org", teamSlug: "takeover" }))).rejects.toThrow(ALREADY_SET_UP);
    expect(await counts()).toEqual(before);
    expect(await db().select({ email: users.email }).from(users)).toEqual([{ email: "ana@example.org" }]);
  });

  it("lets exactly one of several setups at once through", async () => {
    const attempts = Array.from({ length: 5 }, (_, i) => setUpDossier(form({ email: `person-${i}@example.org`, teamSlug: `desk-${i}` })));
    const results = await Promise.allSettled(attempts);

    const won = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(refused.map((r) => (r.reason as Error).message)).toEqual(Array(4).fill(ALREADY_SET_UP));
    expect(await counts()).toEqual({ users: 1, teams: 1, memberships: 1 });
  });

  it.each([
    ["a short password", { password: "short" }, "Choose a password of at least 8 characters."],
    ["a 10 kB password", { password: "x".repeat(10_240) }, "That password is too long: a password can be at most 1024 bytes."],
    ["a malformed e-mail address", { email: "ana@" }, "Enter an e-mail address such as ana@example.org."],
    ["no name", { name: "   " }, "Enter your name."],
    ["no team name", { teamName: "" }, "Give the team a name."],
    ["a slug that climbs out of /t/", { teamSlug: "../x" }, "A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk."],
    ["a slug with a slash", { teamSlug: "a/b" }, "A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk."],
    ["a slug in capitals", { teamSlug: "Korea" }, "A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk."],
    ["a slug Dossier keeps for its own pages", { teamSlug: "setup" }, "That slug is reserved for Dossier's own pages; choose another."],
    ["a password that is not text", { password: 12345678 }, undefined],
  ])("refuses %s with a sentence saying what to fix, and changes nothing", async (_what, overrides, message) => {
    const refused = setUpDossier(form(overrides));
    await expect(refused).rejects.toMatchObject({ code: "bad_request", ...(message ? { message } : {}) });
    expect(await counts()).toEqual({ users: 0, teams: 0, memberships: 0 });
    expect(await db().select().from(auditLog)).toEqual([]);
  });
});
