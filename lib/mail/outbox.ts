import "server-only";
import { db, type Executor } from "@/db";
import { mailOutbox } from "@/db/schema";
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
}

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
      subject: message.subject.replace(/[\r\n]+/g, " ").slice(0, 300),
      ...composeMail(message),
    })),
  );
  return messages.length;
}

/** For tests and the operator: what is waiting or was sent. */
export function outbox(executor: Executor = db()) {
  return executor.select().from(mailOutbox).orderBy(mailOutbox.createdAt);
}
