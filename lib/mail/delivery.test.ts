import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { startTestMailbox, type TestMailbox } from "@/lib/testing/smtp";
import { composeMail } from "./compose";
import { deliverDueMail } from "./delivery";
import { enqueueMail, outbox } from "./outbox";
import { smtpSender } from "./smtp";

useTestDatabase();
let mailbox: TestMailbox;
let sender: ReturnType<typeof smtpSender>;

beforeAll(async () => {
  mailbox = await startTestMailbox();
  vi.stubEnv("SMTP_URL", mailbox.url);
  sender = smtpSender({ smtpUrl: mailbox.url, from: "Dossier <dossier@example.test>" });
});
afterAll(async () => {
  sender.close();
  vi.unstubAllEnvs();
  await mailbox.close();
});
afterEach(async () => {
  await db().delete(mailOutbox);
  mailbox.messages.length = 0;
});

const queue = (to: string, subject: string) =>
  enqueueMail(db(), [{ kind: "test", to, subject, paragraphs: ["Hello <b>there</b>."], action: { label: "Open", url: "http://localhost/x?a=1&b=2" } }]);

/** Retries without waiting, so a test need not sit through the real back-off. */
const now = { retryDelayMs: () => 0 };

describe("mail delivery", () => {
  it("sends a queued message through the SMTP server, as text and HTML, once", async () => {
    await queue("Ana@Example.test", "A review is waiting");
    expect(await deliverDueMail(sender, now)).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    const mail = await mailbox.waitFor((m) => m.subject === "A review is waiting");
    expect(mailbox.to("ana@example.test")).toHaveLength(1);
    expect(mail.text).toContain("Hello <b>there</b>.");
    expect(mail.text).toContain("Open: http://localhost/x?a=1&b=2");
    expect(mail.html).toContain("Hello &lt;b&gt;there&lt;/b&gt;.");
    expect(mail.html).toContain('href="http://localhost/x?a=1&amp;b=2"');
    expect(await deliverDueMail(sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(mailbox.messages).toHaveLength(1);
  });

  it("keeps a message through a mail server outage and delivers it once when the server is back", async () => {
    await mailbox.stop();
    try {
      await queue("ben@example.test", "Kept through an outage");
      expect(await deliverDueMail(sender, now)).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
      expect(await deliverDueMail(sender, now)).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
      const [waiting] = await outbox();
      expect(waiting.sentAt).toBeNull();
      expect(waiting.attempts).toBe(2);
      expect(waiting.lastError).toBeTruthy();
    } finally {
      await mailbox.start();
    }
    expect(await deliverDueMail(sender, now)).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    await mailbox.waitFor((m) => m.subject === "Kept through an outage");
    expect(await deliverDueMail(sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(mailbox.to("ben@example.test")).toHaveLength(1);
  });

  it("waits the retry delay before trying a failed message again", async () => {
    await mailbox.stop();
    try {
      await queue("cy@example.test", "Later");
      expect(await deliverDueMail(sender, { retryDelayMs: () => 60_000 })).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
    } finally {
      await mailbox.start();
    }
    expect(await deliverDueMail(sender)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(mailbox.messages).toHaveLength(0);
  });

  it("gives a message up after its last attempt and keeps it with the error", async () => {
    await mailbox.stop();
    try {
      await queue("dee@example.test", "Never delivered");
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      await deliverDueMail(sender, { ...now, maxAttempts: 2 });
      await deliverDueMail(sender, { ...now, maxAttempts: 2 });
      quiet.mockRestore();
    } finally {
      await mailbox.start();
    }
    const [given] = await outbox();
    expect(given.abandonedAt).not.toBeNull();
    expect(await deliverDueMail(sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
  });

  it("lets two deliverers share the queue without sending a message twice", async () => {
    for (let i = 0; i < 12; i++) await queue(`p${i}@example.test`, `Parallel ${i}`);
    const rounds = await Promise.all([deliverDueMail(sender, { batch: 5 }), deliverDueMail(sender, { batch: 5 }), deliverDueMail(sender, { batch: 5 })]);
    const more = await deliverDueMail(sender);
    expect(rounds.reduce((n, r) => n + r.sent, 0) + more.sent).toBe(12);
    expect(mailbox.messages).toHaveLength(12);
    expect(new Set(mailbox.messages.map((m) => m.subject)).size).toBe(12);
  });

  it("queues nothing when no mail server is configured", async () => {
    vi.stubEnv("SMTP_URL", "");
    try {
      expect(await queue("eve@example.test", "Nowhere to go")).toBe(0);
    } finally {
      vi.stubEnv("SMTP_URL", mailbox.url);
    }
    expect(await outbox()).toHaveLength(0);
  });
});

describe("composing a message", () => {
  it("escapes every text in the HTML and links only http(s) addresses", () => {
    const { text, html } = composeMail({
      paragraphs: ['Note "<script>alert(1)</script>"'],
      action: { label: "Open <it>", url: "javascript:alert(1)" },
      footer: ["Stop these: http://x/unsubscribe"],
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&lt;script&gt;");
    expect(text).toContain('Note "<script>alert(1)</script>"');
    expect(text).toContain("--\n\nStop these: http://x/unsubscribe");
  });
});
