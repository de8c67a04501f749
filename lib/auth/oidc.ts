import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db";
import { userIdentities, users, type User } from "@/db/schema";
import { runCommand, type CommandContext } from "@/lib/commands/command";
import type { OidcConfig } from "@/lib/config";
import { hasOpenInviteFor } from "@/lib/teams/invites";
import { addMember, teamBySlug } from "@/lib/teams/queries";
import { createPasswordlessUserUnlessTaken, findUserByEmail } from "@/lib/users/queries";
import { lockOutAccount } from "./lock-out";
import { createSession } from "./sessions";

/** Why a single sign-on was refused; the sign-in page words each (lib/auth/sign-in-refusal.ts). */
export type OidcRefusal = "invalid_profile" | "unverified" | "no_account" | "linked_elsewhere" | "team_missing";

export type OidcSignIn =
  | { ok: true; user: Pick<User, "id" | "email" | "name">; sessionId: string }
  | { ok: false; refusal: OidcRefusal };

/** Where the sign-in comes from, recorded on its session as a password sign-in's is. */
export interface SignInClient {
  userAgent: string | null;
  address: string;
}

/** What Dossier reads of the issuer's claims about the person; anything else is ignored. */
const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.email().max(320).optional(),
  // Some issuers send the flag as a string.
  email_verified: z.union([z.boolean(), z.enum(["true", "false"])]).optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  preferred_username: z.string().optional().catch(undefined),
});

interface Claims {
  subject: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
}

function readClaims(raw: unknown): Claims | null {
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const c = parsed.data;
  return {
    subject: c.sub,
    email: c.email?.toLowerCase(),
    emailVerified: c.email_verified === true || c.email_verified === "true",
    name: (c.name?.trim() || c.preferred_username?.trim())?.slice(0, 100),
  };
}

/** The issuer as identities record it: its URL in one spelling ("https://accounts.google.com/"). */
export const identityProvider = (settings: Pick<OidcConfig, "issuer">) => new URL(settings.issuer).href;

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

type Found = { ok: true; user: User } | { ok: false; refusal: OidcRefusal };
const refused = (refusal: OidcRefusal): Found => ({ ok: false, refusal });

async function linkedUser(tx: Executor, provider: string, subject: string): Promise<User | undefined> {
  const [row] = await tx
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  return row?.user;
}

/** Links the issuer's account to the user; false when it could not be (see the unique keys of user_identities). */
async function link({ tx, audit }: CommandContext, provider: string, claims: Claims & { email: string }, user: User): Promise<boolean> {
  const [linked] = await tx
    .insert(userIdentities)
    .values({ provider, subject: claims.subject, userId: user.id, email: claims.email })
    .onConflictDoNothing()
    .returning({ subject: userIdentities.subject });
  if (linked) await audit({ userId: user.id, action: "user.identity_linked", target: claims.email, data: { issuer: provider } });
  return Boolean(linked);
}

/**
 * When an account with a password is first linked, the issuer has just proved
 * the address is this person's; nothing proved that the password was theirs.
 * An invite link is shown to the owner who made it, who could have opened the
 * account with a password of their choosing and waited for its owner to sign
 * in here. So the password goes, with every session, reset link and feed
 * link it could have opened; the person can add one back through a mailed reset link.
 */
async function dropUnprovenPassword(command: CommandContext, user: User): Promise<void> {
  if (!user.passwordHash) return;
  await command.tx.update(users).set({ passwordHash: null, updatedAt: new Date() }).where(eq(users.id, user.id));
  const sessionsEnded = await lockOutAccount(command, user.id);
  await command.audit({ userId: user.id, action: "user.password_removed", data: { reason: "linked to single sign-on", sessionsEnded } });
}

/**
 * The Dossier user this sign-in is for. An account linked before is found by
 * (issuer, subject) whatever e-mail the issuer now gives. The first time,
 * only an address the issuer says it verified is used: it links the account
 * that has it, or, when none has, opens one if the address's domain is
 * allowed (joining OIDC_TEAM with OIDC_ROLE) or someone has invited it.
 */
async function accountFor(command: CommandContext, settings: OidcConfig, claims: Claims): Promise<Found> {
  const { tx } = command;
  const provider = identityProvider(settings);
  // A second try settles a race with a concurrent first sign-in of the same person.
  for (let attempt = 0; attempt < 2; attempt++) {
    const linked = await linkedUser(tx, provider, claims.subject);
    if (linked) return { ok: true, user: linked };
    const { email } = claims;
    if (!email || !claims.emailVerified) return refused("unverified");

    const existing = await findUserByEmail(email, tx);
    if (existing) {
      if (await link(command, provider, { ...claims, email }, existing)) {
        await dropUnprovenPassword(command, existing);
        return { ok: true, user: existing };
      }
      // Either this subject was linked meanwhile, or the account already has another account of this issuer.
      const now = await linkedUser(tx, provider, claims.subject);
      return now ? { ok: true, user: now } : refused("linked_elsewhere");
    }

    const allowedDomain = settings.allowedDomains.includes(domainOf(email));
    if (!allowedDomain && !(await hasOpenInviteFor(email, tx))) return refused("no_account");
    const team = allowedDomain && settings.team ? await teamBySlug(settings.team, tx) : undefined;
    if (allowedDomain && !team) {
      console.error(`[auth] OIDC_TEAM names no team ("${settings.team}"): ${email} could not open an account.`);
      return refused("team_missing");
    }
    const user = await createPasswordlessUserUnlessTaken({ email, name: claims.name || email.slice(0, email.indexOf("@")) }, tx);
    if (!user) continue; // the address was given an account meanwhile: the next try links it
    if (!(await link(command, provider, { ...claims, email }, user))) continue;
    // Invited without an allowed domain: the invite link, once signed in, joins the team it names.
    if (team) {
      await addMember(team.id, user.id, settings.role, tx);
      await command.audit({ teamId: team.id, userId: user.id, action: "member.joined", data: { role: settings.role, via: "single sign-on" } });
    }
    return { ok: true, user };
  }
  throw new Error("A single sign-on could not settle which account it is for.");
}

/**
 * Signs someone in through the configured issuer, whose claims next-auth has
 * already checked (state, PKCE, nonce, issuer, audience): finds or opens
 * their account and starts a session on record, as a password sign-in does,
 * in one transaction with its audit entries. A refusal changes nothing.
 */
export async function signInWithOidc(settings: OidcConfig, rawClaims: unknown, client: SignInClient): Promise<OidcSignIn> {
  const claims = readClaims(rawClaims);
  if (!claims) return { ok: false, refusal: "invalid_profile" };
  return runCommand(async (command) => {
    const found = await accountFor(command, settings, claims);
    if (!found.ok) return found;
    const { id, email, name } = found.user;
    const sessionId = await createSession({ userId: id, userAgent: client.userAgent, address: client.address }, command.tx);
    await command.audit({ userId: id, action: "user.signed_in", data: { via: "single sign-on" } });
    return { ok: true, user: { id, email, name }, sessionId };
  });
}
