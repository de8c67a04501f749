import { and, asc, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { teamAuditLog } from "@/lib/audit-queries";
import { auditLog, memberships, sessions, userIdentities, users } from "@/db/schema";
import type { OidcConfig } from "@/lib/config";
import { acceptInvite, createInvite } from "@/lib/teams/invites";
import { roleInTeam } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, buildUser } from "@/lib/testing/factories";
import { findUserByEmail, verifyCredentials } from "@/lib/users/queries";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { authorizeCredentials } from "./credentials";
import { identityProvider, signInWithOidc, type OidcSignIn } from "./oidc";
import { createSession, isSessionActive } from "./sessions";

/**
 * Signing in through an OpenID Connect issuer, from the claims next-auth
 * hands over after its checks, against a real database (PGlite, or
 * PostgreSQL with DATABASE_URL): which account a sign-in opens, which it
 * refuses, and what it records.
 */

useTestDatabase();
// Linking an account that had a password ends its sessions, closing their editors through the collaboration server.
useCollabServer();

const CLIENT = { userAgent: "Mozilla/5.0 (test browser)", address: "203.0.113.7" };
const ISSUER = "https://id.example.test";
let sequence = 0;
const fresh = (what: string) => `${what}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

async function settingsWithTeam(overrides: Partial<OidcConfig> = {}): Promise<OidcConfig> {
  const { team } = await buildTeam();
  return {
    issuer: ISSUER,
    clientId: "dossier",
    clientSecret: "s3cret",
    name: "Example ID",
    only: false,
    allowedDomains: ["sso.example.test"],
    team: team.slug,
    role: "reader",
    ...overrides,
  };
}

const verified = (sub: string, email: string, extra: Record<string, unknown> = {}) => ({ sub, email, email_verified: true, name: "Ada Lovelace", ...extra });

function signedIn(outcome: OidcSignIn) {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal}`);
  return outcome;
}

const identitiesOf = (userId: string) =>
  db().select({ provider: userIdentities.provider, subject: userIdentities.subject, email: userIdentities.email }).from(userIdentities).where(eq(userIdentities.userId, userId));

const auditOf = (userId: string) =>
  db()
    .select({ action: auditLog.action, teamId: auditLog.teamId, target: auditLog.target, data: auditLog.data })
    .from(auditLog)
    .where(eq(auditLog.userId, userId))
    .orderBy(asc(auditLog.createdAt));

async function accountsWithEmail(email: string) {
  const [row] = await db().select({ n: count() }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row.n;
}

async function identitiesWithSubject(subject: string) {
  const [row] = await db().select({ n: count() }).from(userIdentities).where(eq(userIdentities.subject, subject));
  return row.n;
}

describe("signing in through the issuer", () => {
  it("links an existing account by its verified address and starts a session on record, with the address and browser", async () => {
    const settings = await settingsWithTeam();
    const email = `${fresh("ada")}@example.test`;
    const user = await buildUser({ email });
    const subject = fresh("sub");
    const before = await createSession({ userId: user.id });

    const outcome = signedIn(await signInWithOidc(settings, verified(subject, email), CLIENT));

    expect(outcome.user).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(await isSessionActive(outcome.sessionId, user.id)).toBe(true);
    const [session] = await db().select().from(sessions).where(eq(sessions.id, outcome.sessionId));
    expect(session).toMatchObject({ userId: user.id, userAgent: CLIENT.userAgent, address: CLIENT.address });
    expect(await identitiesOf(user.id)).toEqual([{ provider: "https://id.example.test/", subject, email }]);
    expect(await auditOf(user.id)).toEqual([
      { action: "user.identity_linked", teamId: null, target: email, data: { issuer: "https://id.example.test/" } },
      { action: "user.password_removed", teamId: null, target: null, data: { reason: "linked to single sign-on", sessionsEnded: 1 } },
      { action: "user.signed_in", teamId: null, target: null, data: { via: "single sign-on" } },
    ]);
    // Nothing proved the password was the address's owner's (an inviter may have chosen it): it goes, with the sessions it opened.
    expect((await findUserByEmail(email))?.passwordHash).toBeNull();
    expect(await verifyCredentials(email, "correct horse battery")).toBeNull();
    expect(await isSessionActive(before, user.id)).toBe(false);
  });

  it("finds the account by the issuer's subject afterwards, whatever address the issuer gives then", async () => {
    const settings = await settingsWithTeam();
    const ada = await buildUser({ email: `${fresh("ada")}@example.test` });
    const bob = await buildUser({ email: `${fresh("bob")}@example.test` });
    const subject = fresh("sub");
    signedIn(await signInWithOidc(settings, verified(subject, ada.email), CLIENT));

    // Ada's address at the issuer is changed to Bob's: she still gets her own account, and Bob's stays unlinked.
    const again = signedIn(await signInWithOidc(settings, verified(subject, bob.email), CLIENT));
    expect(again.user.id).toBe(ada.id);
    expect(await identitiesOf(bob.id)).toEqual([]);
    // An unverified address does not matter either, once linked.
    expect(signedIn(await signInWithOidc(settings, verified(subject, ada.email, { email_verified: false }), CLIENT)).user.id).toBe(ada.id);
    expect(await identitiesWithSubject(subject)).toBe(1);
  });

  it("refuses a second account at the same issuer claiming an address already linked", async () => {
    const settings = await settingsWithTeam();
    const ada = await buildUser({ email: `${fresh("ada")}@example.test` });
    signedIn(await signInWithOidc(settings, verified(fresh("sub"), ada.email), CLIENT));

    const intruder = fresh("sub");
    expect(await signInWithOidc(settings, verified(intruder, ada.email), CLIENT)).toEqual({ ok: false, refusal: "linked_elsewhere" });
    expect(await identitiesWithSubject(intruder)).toBe(0);
  });

  it("keeps the accounts of two issuers apart: each is its own identity, both linked by the verified address", async () => {
    const settings = await settingsWithTeam();
    const ada = await buildUser({ email: `${fresh("ada")}@example.test` });
    const subject = fresh("sub");
    signedIn(await signInWithOidc(settings, verified(subject, ada.email), CLIENT));
    const other = { ...settings, issuer: "https://login.example.test/realms/staff" };
    expect(signedIn(await signInWithOidc(other, verified(subject, ada.email), CLIENT)).user.id).toBe(ada.id);
    expect((await identitiesOf(ada.id)).map((identity) => identity.provider).sort()).toEqual([
      "https://id.example.test/",
      identityProvider(other),
    ]);
  });

  it("never links an unverified address, and never opens an account for one", async () => {
    const settings = await settingsWithTeam();
    const ada = await buildUser({ email: `${fresh("ada")}@example.test` });
    for (const flag of [{ email_verified: false }, { email_verified: "false" }, { email_verified: undefined }, { email_verified: 1 }]) {
      const subject = fresh("sub");
      expect(await signInWithOidc(settings, verified(subject, ada.email, flag), CLIENT)).toEqual({ ok: false, refusal: "unverified" });
      const newcomer = `${fresh("new")}@sso.example.test`;
      expect(await signInWithOidc(settings, verified(subject, newcomer, flag), CLIENT)).toEqual({ ok: false, refusal: "unverified" });
      expect(await accountsWithEmail(newcomer)).toBe(0);
      expect(await identitiesWithSubject(subject)).toBe(0);
    }
    // No address at all is no verified address.
    expect(await signInWithOidc(settings, { sub: fresh("sub"), email_verified: true }, CLIENT)).toEqual({ ok: false, refusal: "unverified" });
    expect(await identitiesOf(ada.id)).toEqual([]);
    // Some issuers send the flag as a string.
    expect(signedIn(await signInWithOidc(settings, verified(fresh("sub"), ada.email, { email_verified: "true" }), CLIENT)).user.id).toBe(ada.id);
  });

  it("opens an account with no password for a verified address in an allowed domain, in the configured team and role", async () => {
    const settings = await settingsWithTeam({ role: "analyst" });
    const email = `${fresh("grace")}@SSO.Example.test`;
    const subject = fresh("sub");

    const first = signedIn(await signInWithOidc(settings, verified(subject, email, { name: "Grace Hopper" }), CLIENT));
    expect(first.user).toMatchObject({ email: email.toLowerCase(), name: "Grace Hopper" });
    const [created] = await db().select().from(users).where(eq(users.id, first.user.id));
    expect(created.passwordHash).toBeNull();
    const [team] = await db().select({ teamId: memberships.teamId }).from(memberships).where(eq(memberships.userId, created.id));
    expect(await roleInTeam(created.id, team.teamId)).toBe("analyst");
    expect(await auditOf(created.id)).toEqual([
      { action: "user.identity_linked", teamId: null, target: email.toLowerCase(), data: { issuer: "https://id.example.test/" } },
      { action: "member.joined", teamId: team.teamId, target: null, data: { role: "analyst", via: "single sign-on" } },
      { action: "user.signed_in", teamId: null, target: null, data: { via: "single sign-on" } },
    ]);

    // The team's owners read all three in its audit log.
    expect((await teamAuditLog(team.teamId)).map((entry) => entry.action).sort()).toEqual(["member.joined", "user.identity_linked", "user.signed_in"]);

    // The next sign-in is the same account; no second one is opened.
    const second = signedIn(await signInWithOidc(settings, verified(subject, email), CLIENT));
    expect(second.user.id).toBe(first.user.id);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await accountsWithEmail(email)).toBe(1);
  });

  it("names the account after the address when the issuer gives no name", async () => {
    const settings = await settingsWithTeam();
    const local = fresh("nameless");
    const outcome = signedIn(await signInWithOidc(settings, { sub: fresh("sub"), email: `${local}@sso.example.test`, email_verified: true }, CLIENT));
    expect(outcome.user.name).toBe(local);
    const handle = signedIn(await signInWithOidc(settings, { ...verified(fresh("sub"), `${fresh("x")}@sso.example.test`), name: " ", preferred_username: "gh" }, CLIENT));
    expect(handle.user.name).toBe("gh");
  });

  it("opens nothing for an address outside the allowed domains, however close its domain", async () => {
    const settings = await settingsWithTeam();
    for (const domain of ["elsewhere.test", "sub.sso.example.test", "sso.example.test.evil.test", "xsso.example.test"]) {
      const email = `${fresh("eve")}@${domain}`;
      const subject = fresh("sub");
      expect(await signInWithOidc(settings, verified(subject, email), CLIENT)).toEqual({ ok: false, refusal: "no_account" });
      expect(await accountsWithEmail(email)).toBe(0);
      expect(await identitiesWithSubject(subject)).toBe(0);
    }
    // Without allowed domains, no address opens an account.
    const closed = await settingsWithTeam({ allowedDomains: [], team: undefined });
    expect(await signInWithOidc(closed, verified(fresh("sub"), `${fresh("x")}@sso.example.test`), CLIENT)).toEqual({ ok: false, refusal: "no_account" });
  });

  it("opens an account for an invited address, which the invite then joins to its team", async () => {
    const settings = await settingsWithTeam();
    const { team, owner } = await buildTeam();
    const email = `${fresh("ivy")}@elsewhere.test`;
    const { token } = await createInvite({ teamId: team.id, email, role: "reviewer", createdBy: owner.id });

    const outcome = signedIn(await signInWithOidc(settings, verified(fresh("sub"), email), CLIENT));
    // Not the self-registration team: the address is not in an allowed domain.
    expect(await db().select().from(memberships).where(eq(memberships.userId, outcome.user.id))).toEqual([]);
    await acceptInvite(token, outcome.user.id);
    expect(await roleInTeam(outcome.user.id, team.id)).toBe("reviewer");
  });

  it("refuses and opens nothing when OIDC_TEAM names no team", async () => {
    const settings = await settingsWithTeam({ team: "no-such-team" });
    const email = `${fresh("grace")}@sso.example.test`;
    expect(await signInWithOidc(settings, verified(fresh("sub"), email), CLIENT)).toEqual({ ok: false, refusal: "team_missing" });
    expect(await accountsWithEmail(email)).toBe(0);
  });

  it("refuses claims without a subject or with a malformed address", async () => {
    const settings = await settingsWithTeam();
    expect(await signInWithOidc(settings, { email: "ada@sso.example.test", email_verified: true }, CLIENT)).toEqual({ ok: false, refusal: "invalid_profile" });
    expect(await signInWithOidc(settings, verified("", "ada@sso.example.test"), CLIENT)).toEqual({ ok: false, refusal: "invalid_profile" });
    expect(await signInWithOidc(settings, verified(fresh("sub"), "not an address"), CLIENT)).toEqual({ ok: false, refusal: "invalid_profile" });
    expect(await signInWithOidc(settings, null, CLIENT)).toEqual({ ok: false, refusal: "invalid_profile" });
  });

  it("makes one account and one link of several first sign-ins at once", async () => {
    const settings = await settingsWithTeam();
    const together = async (claims: Record<string, unknown>) => {
      // Open connections first (on PostgreSQL), so the sign-ins' transactions truly overlap.
      await Promise.all(Array.from({ length: 4 }, () => db().execute(sql`select pg_sleep(0.05)`)));
      return (await Promise.all(Array.from({ length: 4 }, () => signInWithOidc(settings, claims, CLIENT)))).map((outcome) => signedIn(outcome).user.id);
    };

    const email = `${fresh("twin")}@sso.example.test`;
    const subject = fresh("sub");
    const opened = await together(verified(subject, email));
    expect(new Set(opened).size).toBe(1);
    expect(await accountsWithEmail(email)).toBe(1);
    expect(await identitiesWithSubject(subject)).toBe(1);

    const existing = await buildUser({ email: `${fresh("ada")}@example.test` });
    const linking = fresh("sub");
    expect(await together(verified(linking, existing.email))).toEqual(Array(4).fill(existing.id));
    expect(await identitiesWithSubject(linking)).toBe(1);
  });
});

describe("an account opened through single sign-on", () => {
  it("has no password: password sign-in refuses it whatever is typed", async () => {
    const settings = await settingsWithTeam();
    const email = `${fresh("grace")}@sso.example.test`;
    const { user } = signedIn(await signInWithOidc(settings, verified(fresh("sub"), email), CLIENT));
    const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.20" } });
    for (const password of ["x", "null", "undefined", "correct horse battery"]) {
      expect(await authorizeCredentials({ email, password }, request)).toBeNull();
    }
    const failed = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.sign_in_failed"), eq(auditLog.target, email)));
    expect(failed[0].n).toBe(4);
    expect((await auditOf(user.id)).filter((entry) => entry.action === "user.signed_in")).toHaveLength(1);
  });
});
