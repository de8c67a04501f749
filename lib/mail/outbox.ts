import "server-only";
import { db, type Executor } from "@/db";
import { mailOutbox, type MailRequirement } from "@/db/schema";
import { loadConfig } from "@/lib/config";
import type { MailContent } from "./compose";
import { composeMail } from "./compose";

/** One message to queue: to whom, about what, and its words. */
export interface MailMessage extends MailContent {
  /** invite, password_reset, digest, or a notification kind. */
  kind: string;
  to: string;
  /** The user it is for, when the address is a user's. */
  userId?: string | null;
  subject: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Grants the recipient (userId) must still hold when it is sent, or it is withdrawn (lib/mail/delivery.ts). */
  requires?: MailRequirement[];
}

const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");

/** Whether Dossier sends mail at all (SMTP_URL is set). */
export function mailEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return loadConfig(env).mail !== undefined;
}

/**
 * Queues messages in the transaction of the change they tell of, so they are
 * sent if and only if it commits. Without mail configured this writes
 * nothing: there is nobody to send it, and the outbox must not grow for ever.
 * Returns how many were queued.
 */
export async function enqueueMail(tx: Executor, messages: MailMessage[]): Promise<number> {
  if (!messages.length || !mailEnabled()) return 0;
  await tx.insert(mailOutbox).values(
    messages.map((message) => ({
      kind: message.kind,
      recipient: message.to,
      userId: message.userId ?? null,
      subject: oneLine(message.subject).slice(0, 300),
      ...composeMail(message),
      headers: message.headers ? Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, oneLine(value)])) : null,
      requires: message.requires?.length ? message.requires : null,
    })),
  );
  return messages.length;
}

/** For tests and the operator: what is waiting or was sent. */
export function outbox(executor: Executor = db()) {
  return executor.select().from(mailOutbox).orderBy(mailOutbox.createdAt);
}
