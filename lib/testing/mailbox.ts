import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";
import { smtpSender } from "@/lib/mail/smtp";
import { startTestMailbox, type TestMailbox } from "./smtp";

export interface MailTestKit {
  /** The real SMTP server the file's mail goes to. */
  mailbox: TestMailbox;
  /** Sending to it, as the mail loop does. */
  sender: ReturnType<typeof smtpSender>;
}

/**
 * For a test file about mail: a real SMTP server for the whole file, SMTP_URL
 * (and any other variables given) pointing Dossier at it, and after each test
 * an empty outbox and mailbox. Read the kit's fields inside tests or hooks.
 */
export function useTestMailbox(env: Record<string, string> = {}): MailTestKit {
  const kit = {} as MailTestKit;
  beforeAll(async () => {
    kit.mailbox = await startTestMailbox();
    vi.stubEnv("SMTP_URL", kit.mailbox.url);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    kit.sender = smtpSender({ smtpUrl: kit.mailbox.url, from: "Dossier <dossier@dossier.test>" });
  });
  afterAll(async () => {
    kit.sender.close();
    vi.unstubAllEnvs();
    await kit.mailbox.close();
  });
  afterEach(async () => {
    await db().delete(mailOutbox);
    kit.mailbox.messages.length = 0;
  });
  return kit;
}
