import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/users/password";
import { checkNewPassword } from "@/lib/users/password-rules";
import { findUserById } from "@/lib/users/queries";
import { endSessions } from "./account-sessions";
import { NO_PASSWORDS, passwordSignIn } from "./oidc-settings";
import { voidResetLinks } from "./lock-out";
import { clearSignInAttempts, reserveSignInAttempt } from "./rate-limit";
import { refusalCode, signInErrorMessage } from "./sign-in-refusal";

/** An account opened through single sign-on has no password; setting one goes through a mailed link, which proves the mailbox. */
export const NO_PASSWORD_YET = "Your account has no password: you sign in through single sign-on. To add one, use “Forgot password?” on the sign-in page.";

export interface PasswordChange {
  userId: string;
  /** The session asking, which stays signed in; every other one ends. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  /** The client's address: checking the current password counts as a sign-in attempt from it. */
  address: string;
}

/**
 * Changes a user's password on their own request. The current password is
 * checked under the sign-in limit (lib/auth/rate-limit.ts), so a borrowed
 * session cannot guess it faster than the sign-in form could. Once changed,
 * every other session of the user ends (their open editors are closed) and
 * any reset link still open stops working; the session asking stays.
 */
export async function changePassword(change: PasswordChange): Promise<{ sessionsEnded: number }> {
  checkNewPassword(change.newPassword);
  const user = await findUserById(change.userId);
  if (!user) throw notFound("That account");
  if (!passwordSignIn()) throw badRequest(NO_PASSWORDS);
  if (!user.passwordHash) throw badRequest(NO_PASSWORD_YET);
  const gate = await reserveSignInAttempt(user.email, change.address);
  if (!gate.granted) throw new AppError("rate_limited", signInErrorMessage(refusalCode(gate.scope, gate.retryAfterMs)));
  if (!(await verifyPassword(user.passwordHash, change.currentPassword))) throw badRequest("Your current password is not right.");
  await clearSignInAttempts(user.email, change.address);

  const passwordHash = await hashPassword(change.newPassword);
  return runCommand(async (command) => {
    await command.tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await voidResetLinks(command.tx, user.id);
    const ended = await endSessions(command, user.id, { except: change.sessionId });
    await command.audit({ userId: user.id, action: "user.password_changed", data: { sessionsEnded: ended.length } });
    return { sessionsEnded: ended.length };
  });
}
