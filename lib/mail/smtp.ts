import "server-only";
import nodemailer from "nodemailer";
// The same reading of SMTP_URL nodemailer makes of a URL alone, so the timeouts can go with it.
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import type { SendMail } from "./delivery";

/**
 * How long a connection may take to open, to greet, and to sit silent
 * (nodemailer waits up to 2 and 10 minutes by default): well within the
 * delivery's lease of 120 s on each message, so a stalled server fails the
 * send rather than outlast the claim. Options in SMTP_URL's query override these.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * Sending through the configured SMTP server (nodemailer). The outbox row's
 * id is the Message-ID, so a message sent twice (a crash between the server
 * taking it and the row being marked) is recognisably the same one.
 */
export function smtpSender(config: { smtpUrl: string; from: string }): SendMail & { close(): void } {
  const transport = nodemailer.createTransport({ ...SMTP_TIMEOUTS, ...parseConnectionUrl(config.smtpUrl) });
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
