import "server-only";
import nodemailer from "nodemailer";
import type { SendMail } from "./delivery";

/**
 * Sending through the configured SMTP server (nodemailer). The outbox row's
 * id is the Message-ID, so a message sent twice (a crash between the server
 * taking it and the row being marked) is recognisably the same one.
 */
export function smtpSender(config: { smtpUrl: string; from: string }): SendMail & { close(): void } {
  const transport = nodemailer.createTransport(config.smtpUrl);
  const domain = config.from.match(/@([^>\s]+)/)?.[1] ?? "dossier.invalid";
  const send: SendMail = async (mail) => {
    await transport.sendMail({
      from: config.from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@${domain}>`,
      headers: { ...mail.headers, "Auto-Submitted": "auto-generated" },
    });
  };
  return Object.assign(send, { close: () => transport.close() });
}
