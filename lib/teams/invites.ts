import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { invites, teams, users, type Role, type Team } from "@/db/schema";
import { appOrigin } from "@/lib/app-origin";
import { ANY, reserveAttempt, steady } from "@/lib/limits/attempt-counters";
import { runCommand, type CommandContext } from "@/lib/commands/command";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { enqueueMail, mailEnabled } from "@/lib/mail/outbox";
import { hashSecretToken, newSecretToken } from "@/lib/secret-tokens";
import { createUser, normaliseEmail } from "@/lib/users/queries";
import { inviteMessage } from "./invite-mail";
import { addMember, roleInTeam } from "./queries";

const INVITE_LIFETIME_DAYS = 7;
const INVITE_LIFETIME_MS = INVITE_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

/** The invite page's address at the app's public origin (never the request's Host header, which the client chooses). */
const inviteLink = (token: string) => `${appOrigin()}/invite/${token}`;

/**
 * Invitations one user may have e-mailed: some at once, then one a minute; a
 * day without any starts the allowance again. Past it the invite is made and
 * its link shown, but no mail goes: an account cannot turn Dossier's sender
 * into a way to mail thousands of addresses.
 */
export const INVITE_MAIL_LIMIT = { freeAttempts: 20, delayMs: 60_000, forgetAfterMs: 24 * 60 * 60_000 };
const inviteMailSchedule = steady(INVITE_MAIL_LIMIT);


/**
 * An owner invites someone by email; recorded. The token is the invite
 * link's secret; the link is e-mailed to the address when Dossier sends mail
 * and the inviter is within INVITE_MAIL_LIMIT (queued in the same
 * transaction), and given back for the owner to pass on. `emailed` says
 * whether a mail was queued.
 */
export async function createInvite(input: { teamId: string; email: string; role: Role; createdBy: string }) {
  // Only its hash is stored: a leaked database does not leak working invite links.
  const token = newSecretToken();
  const link = inviteLink(token);
  const mailing = mailEnabled() && (await reserveAttempt({ purpose: "invite_mail", account: input.createdBy, address: ANY }, inviteMailSchedule)).granted;
  const { invite, emailed } = await runCommand(async ({ tx, audit }) => {
    const [created] = await tx
      .insert(invites)
      .values({
        teamId: input.teamId,
        email: normaliseEmail(input.email),
        role: input.role,
        tokenHash: hashSecretToken(token),
        createdBy: input.createdBy,
        expiresAt: new Date(Date.now() + INVITE_LIFETIME_MS),
      })
      .returning();
    await audit({ teamId: input.teamId, userId: input.createdBy, action: "member.invited", target: created.email, data: { role: input.role } });
    const emailed = mailing && (await enqueueMail(tx, [await inviteMessage(tx, created, link, INVITE_LIFETIME_DAYS)])) > 0;
    return { invite: created, emailed };
  });
  return { invite, token, link, emailed };
}

/** An open invite (not used, not expired) and its team, or undefined. */
export async function findOpenInvite(token: string) {
  const [row] = await db()
    .select({ invite: invites, team: teams })
    .from(invites)
    .innerJoin(teams, eq(teams.id, invites.teamId))
    .where(and(eq(invites.tokenHash, hashSecretToken(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())));
  return row;
}

/** Whether someone has invited this address to a team, and the invite is still open. */
export async function hasOpenInviteFor(email: string, tx: Executor = db()): Promise<boolean> {
  const [row] = await tx
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.email, normaliseEmail(email)), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())))
    .limit(1);
  return Boolean(row);
}

export async function listOpenInvites(teamId: string) {
  return db()
    .select()
    .from(invites)
    .where(and(eq(invites.teamId, teamId), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date())));
}

export async function revokeInvite(teamId: string, inviteId: string) {
  const deleted = await db()
    .delete(invites)
    .where(and(eq(invites.id, inviteId), eq(invites.teamId, teamId), isNull(invites.acceptedAt)))
    .returning({ id: invites.id });
  if (deleted.length === 0) throw notFound("That invite");
}

async function claimInvite({ tx, audit }: CommandContext, token: string, userId: string): Promise<Team> {
  const open = and(eq(invites.tokenHash, hashSecretToken(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, new Date()));
  const [invite] = await tx.select({ email: invites.email }).from(invites).where(open);
  if (!invite) throw new AppError("not_found", "This invite link has expired or has already been used.");
  // An invite names the person the owner meant to let in: a link passed on to anyone else opens nothing.
  const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user || normaliseEmail(user.email) !== invite.email) {
    throw forbidden(`This invite was sent to ${invite.email}. Sign in with that address to accept it.`);
  }
  const [claimed] = await tx
    .update(invites)
    .set({ acceptedAt: new Date(), acceptedBy: userId, updatedAt: new Date() })
    .where(and(open, eq(invites.email, invite.email)))
    .returning();
  if (!claimed) throw new AppError("not_found", "This invite link has expired or has already been used.");
  // Joining never lowers a role the user already has in the team.
  if (!(await roleInTeam(userId, claimed.teamId, tx))) await addMember(claimed.teamId, userId, claimed.role, tx);
  await audit({ teamId: claimed.teamId, userId, action: "member.joined", data: { role: claimed.role } });
  const [team] = await tx.select().from(teams).where(eq(teams.id, claimed.teamId));
  return team;
}

/** Joins a signed-in user to the invite's team with its role; an invite is used once, by the person it was sent to. */
export function acceptInvite(token: string, userId: string): Promise<Team> {
  return runCommand((command) => claimInvite(command, token, userId));
}

/** Creates the invited person's account and joins them to the team, all or nothing. */
export async function signUpWithInvite(token: string, input: { name: string; password: string }) {
  const open = await findOpenInvite(token);
  if (!open) throw new AppError("not_found", "This invite link has expired or has already been used.");
  return runCommand(async (command) => {
    const user = await createUser({ email: open.invite.email, ...input }, command.tx);
    const team = await claimInvite(command, token, user.id);
    return { user, team };
  });
}
