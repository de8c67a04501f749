import { describe, expect, it } from "vitest";
import { deliverDueMail } from "@/lib/mail/delivery";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildUser } from "@/lib/testing/factories";
import { useTestMailbox } from "@/lib/testing/mailbox";
import { verifyCredentials } from "@/lib/users/queries";
import { requestPasswordReset } from "./forgot-password";
import { readResetLink, RESET_LINK_REFUSALS, resetPassword } from "./password-resets";

/**
 * "Forgot password" end to end through a real SMTP server: the request
 * queues the mail, delivery sends it, the message as received holds the link,
 * and the link sets the password once.
 */

useTestDatabase();
useCollabServer();
const smtp = useTestMailbox();

describe("a password reset by e-mail", () => {
  it("arrives with a link that sets a new password once", async () => {
    const user = await buildUser({ password: "the forgotten passphrase" });
    await requestPasswordReset(user.email, "203.0.113.7");
    await requestPasswordReset("no-account@example.test", "203.0.113.7");
    expect(await deliverDueMail(smtp.sender)).toEqual({ sent: 1, failed: 0, withdrawn: 0 });

    const mail = await smtp.mailbox.waitFor((m) => m.subject === "Set a new Dossier password");
    expect(smtp.mailbox.to(user.email)).toHaveLength(1);
    expect(smtp.mailbox.to("no-account@example.test")).toEqual([]);
    const url = mail.text?.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
    expect(url).toBeDefined();
    // The HTML part links to the same address.
    expect(mail.html).toContain(`href="${url}"`);

    const token = new URL(url!).pathname.split("/").at(-1)!;
    expect(await readResetLink(token)).toEqual({ state: "open", email: user.email });
    await resetPassword(token, "the remembered passphrase");
    expect(await verifyCredentials(user.email, "the remembered passphrase")).toMatchObject({ id: user.id });
    expect(await verifyCredentials(user.email, "the forgotten passphrase")).toBeNull();

    await expect(resetPassword(token, "a third passphrase")).rejects.toThrow(RESET_LINK_REFUSALS.used);
    expect(await verifyCredentials(user.email, "the remembered passphrase")).toMatchObject({ id: user.id });
  });
});
