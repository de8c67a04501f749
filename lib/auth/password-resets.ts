import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { passwordResets, users } from "@/db/schema";
import { appOrigin } from "@/lib/app-origin";
import { hashSecretToken, newSecretToken } from "@/lib/secret-tokens";
import { runCommand } from "@/lib/commands/command";
import { AppError, notFound } from "@/lib/errors";
import { authorize, can, type Actor } from "@/lib/policies";
import { teamsOfUser } from "@/lib/teams/queries";
import { findUserById } from "@/lib/users/queries";
import { hashPassword } from "@/lib/users/password";
import { checkNewPassword } from "@/lib/users/password-rules";
import { lockOutAccount } from "./lock-out";
import { NO_PASSWORDS, passwordSignIn } from "./oidc-settings";

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 30;

// Only the hash is stored (hashSecretToken): a leaked database does not leak working links.
const newToken = () => newSecretToken(32);

/** The page a reset link opens, at the app's public origin (APP_URL), never the request's Host. */
export const resetLinkUrl = (token: string) => `${appOrigin()}/reset-password/${token}`;

/**
 * Makes a reset link for the user within the caller's transaction and
 * returns its token, which is nowhere else: the caller mails it or shows it once.
 */
export async function issueResetLink(tx: Executor, userId: string, createdBy: string | null): Promise<string> {
  const token = newToken();
  await tx.insert(passwordResets).values({
    userId,
    tokenHash: hashSecretToken(token),
    createdBy,
    expiresAt: sql`now() + ${sql.raw(String(RESET_LINK_MINUTES))} * interval '1 minute'`,
  });
  return token;
}

/** Work as long as issuing a link, for an address with no account: the answer takes the same time. */
export function issueNoLink(): void {
  hashSecretToken(newToken());
}

export type ResetLinkState = { state: "open"; email: string } | { state: "used" | "expired" | "unknown" };

/** What a link that does not work is told, by why. */
export const RESET_LINK_REFUSALS = {
  used: "This reset link has already been used. If you still need to set a new password, ask for a new link.",
  expired: `This reset link has expired: links work for ${RESET_LINK_MINUTES} minutes. Ask for a new one.`,
  unknown: "This reset link is not valid. Check that you copied all of it, or ask for a new one.",
} as const;

/** Whether a link works, and for whose account; reading it uses nothing up (mail scanners open links). */
export async function readResetLink(token: string, tx: Executor = db()): Promise<ResetLinkState> {
  const [link] = await tx
    .select({ usedAt: passwordResets.usedAt, expired: sql<boolean>`${passwordResets.expiresAt} <= now()`, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashSecretToken(token)));
  if (!link) return { state: "unknown" };
  if (link.usedAt) return { state: "used" };
  if (link.expired) return { state: "expired" };
  return { state: "open", email: link.email };
}

/**
 * Sets a new password through a link, once: the link is taken in the same
 * statement that checks it is unused and unexpired, so two uses at once get
 * one success. Every other link of the user stops working, every session of
 * theirs ends and, once committed, their open editors are closed. Returns the
 * account's email, to sign in with.
 */
export async function resetPassword(token: string, password: string): Promise<{ email: string }> {
  if (!passwordSignIn()) throw new AppError("bad_request", NO_PASSWORDS);
  checkNewPassword(password);
  const passwordHash = await hashPassword(password);
  return runCommand(async (command) => {
    const { tx, audit } = command;
    const [link] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.tokenHash, hashSecretToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`)))
      .returning({ id: passwordResets.id, userId: passwordResets.userId, createdBy: passwordResets.createdBy });
    if (!link) {
      const { state } = await readResetLink(token, tx);
      throw new AppError("bad_request", RESET_LINK_REFUSALS[state === "open" ? "used" : state]);
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, link.userId))
      .returning({ email: users.email });
    const sessionsEnded = await lockOutAccount(command, link.userId);
    await audit({ userId: link.userId, action: "user.password_reset", data: { link: link.id, madeBy: link.createdBy, sessionsEnded } });
    return { email: user.email };
  });
}

/**
 * An owner's link for a member of their team (member.resetPassword): recorded
 * in the team's audit log. Someone who is not a member of the team is not
 * found, as elsewhere on the members page. Returns the URL, to be shown once.
 */
export async function createResetLinkForMember(actor: Actor, userId: string): Promise<string> {
  if (!passwordSignIn()) throw new AppError("bad_request", NO_PASSWORDS);
  const teamIds = (await teamsOfUser(userId)).map((membership) => membership.team.id);
  // To whoever may see the team's members, someone outside it is not found, as elsewhere on the members page; the rule refuses the rest, with its reason.
  if (!teamIds.includes(actor.teamId) && can(actor, "member.list", { teamId: actor.teamId })) throw notFound("That member");
  authorize(actor, "member.resetPassword", { teamId: actor.teamId, member: { userId, teamIds } });
  const member = await findUserById(userId);
  if (!member?.passwordHash) throw new AppError("bad_request", "This member signs in through single sign-on and has no password to reset.");
  return runCommand(async ({ tx, audit }) => {
    const token = await issueResetLink(tx, userId, actor.userId);
    await audit({ teamId: actor.teamId, userId: actor.userId, action: "user.password_reset_link_created", target: userId });
    return resetLinkUrl(token);
  });
}
