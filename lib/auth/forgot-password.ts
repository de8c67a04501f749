import "server-only";
import { appOrigin } from "@/lib/app-origin";
import { runCommand } from "@/lib/commands/command";
import { AppError } from "@/lib/errors";
import { enqueueMail, mailEnabled } from "@/lib/mail/outbox";
import { findUserByEmail, normaliseEmail } from "@/lib/users/queries";
import { NO_PASSWORDS, passwordSignIn } from "./oidc-settings";
import { ANY, doubling, reserveAttempt, steady } from "@/lib/limits/attempt-counters";
import { issueNoLink, issueResetLink, RESET_LINK_MINUTES, resetLinkUrl } from "./password-resets";

/**
 * From one client address, whatever emails it names: some requests at once
 * (an office behind one address may share it), then each waits twice as long
 * as the one before (1 minute up to an hour).
 */
export const RESET_ADDRESS_LIMIT = { freeAttempts: 10, firstDelayMs: 60_000, maxDelayMs: 60 * 60_000 };
/** For one email, from anywhere: a few links at once, then one every 15 minutes, so nobody's inbox is flooded. */
export const RESET_EMAIL_LIMIT = { freeAttempts: 3, delayMs: 15 * 60_000 };

const addressSchedule = doubling(RESET_ADDRESS_LIMIT);
const emailSchedule = steady(RESET_EMAIL_LIMIT);

/** The one answer to a request, whether or not the address has an account. */
export const RESET_REQUESTED = `If an account exists for that address, we have sent a link to set a new password. It works once, within ${RESET_LINK_MINUTES} minutes.`;
/** Without a mail server there is no link to send: an owner of the team makes one (the members page). */
export const RESET_NEEDS_OWNER = "Dossier cannot send e-mail here. Ask an owner of your team for a password reset link: they can make one from the team's members page.";

const minutes = (ms: number) => {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return `${n} ${n === 1 ? "minute" : "minutes"}`;
};

/**
 * "Forgot password": mails a reset link to the address when it is an
 * account's, and returns the sentence to show, the same either way. The
 * limits count every request, known address or not, and an unknown address
 * costs the same work (a token made, the request recorded), so neither the
 * answer nor its timing tells whether the account exists. Without mail there
 * is nothing to send, whoever asks: the answer says to ask an owner.
 */
export async function requestPasswordReset(email: string, address: string): Promise<string> {
  if (!passwordSignIn()) return NO_PASSWORDS;
  if (!mailEnabled()) return RESET_NEEDS_OWNER;
  const account = normaliseEmail(email);
  const byAddress = await reserveAttempt({ purpose: "password_reset", account: ANY, address }, addressSchedule);
  if (!byAddress.granted) throw new AppError("rate_limited", `Too many reset requests from this address; try again in ${minutes(byAddress.retryAfterMs)}.`);
  const byEmail = await reserveAttempt({ purpose: "password_reset", account, address: ANY }, emailSchedule);
  if (!byEmail.granted) throw new AppError("rate_limited", `Too many reset requests for that e-mail address; try again in ${minutes(byEmail.retryAfterMs)}.`);

  await runCommand(async ({ tx, audit }) => {
    const user = await findUserByEmail(account, tx);
    if (user) {
      const token = await issueResetLink(tx, user.id, null);
      await enqueueMail(tx, [
        {
          kind: "password_reset",
          to: user.email,
          userId: user.id,
          subject: "Set a new Dossier password",
          paragraphs: [
            `Someone asked to set a new password for the Dossier account ${user.email}.`,
            `The link below works once, within ${RESET_LINK_MINUTES} minutes. Setting a new password signs the account out everywhere.`,
            "If you did not ask for this, ignore this message: your password stays as it is.",
          ],
          action: { label: "Set a new password", url: resetLinkUrl(token) },
          footer: [`This message was sent because a password reset was asked for at ${appOrigin()}.`],
        },
      ]);
    } else {
      issueNoLink();
    }
    await audit({ userId: user?.id ?? null, action: "user.password_reset_requested", target: account, data: { address } });
  });
  return RESET_REQUESTED;
}
