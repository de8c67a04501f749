import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { mailOutbox } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { useTestMailbox } from "@/lib/testing/mailbox";
import { composeMail } from "./compose";
import { deliverDueMail, type SendMail } from "./delivery";
import { startMailLoop } from "./mail-loop";
import { enqueueMail, outbox } from "./outbox";
import { forgetOldMail } from "./retention";

useTestDatabase();
const smtp = useTestMailbox();

const queue = (to: string, subject: string) =>
  enqueueMail(db(), [{ kind: "test", to, subject, paragraphs: ["Hello <b>there</b>."], action: { label: "Open", url: "http://localhost/x?a=1&b=2" } }]);

/** Retries without waiting, so a test need not sit through the real back-off. */
const now = { retryDelayMs: () => 0 };

describe("mail delivery", () => {
  it("sends a queued message through the SMTP server, as text and HTML, once", async () => {
    await queue("Ana@Example.test", "A review is waiting");
    expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    const mail = await smtp.mailbox.waitFor((m) => m.subject === "A review is waiting");
    expect(smtp.mailbox.to("ana@example.test")).toHaveLength(1);
    expect(mail.text).toContain("Hello <b>there</b>.");
    expect(mail.text).toContain("Open: http://localhost/x?a=1&b=2");
    expect(mail.html).toContain("Hello &lt;b&gt;there&lt;/b&gt;.");
    expect(mail.html).toContain('href="http://localhost/x?a=1&amp;b=2"');
    expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(smtp.mailbox.messages).toHaveLength(1);
  });

  it("keeps a message through a mail server outage and delivers it once when the server is back", async () => {
    await smtp.mailbox.stop();
    try {
      await queue("ben@example.test", "Kept through an outage");
      expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
      expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
      const [waiting] = await outbox();
      expect(waiting.sentAt).toBeNull();
      expect(waiting.attempts).toBe(2);
      expect(waiting.lastError).toBeTruthy();
    } finally {
      await smtp.mailbox.start();
    }
    expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    await smtp.mailbox.waitFor((m) => m.subject === "Kept through an outage");
    expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(smtp.mailbox.to("ben@example.test")).toHaveLength(1);
  });

  it("waits the retry delay before trying a failed message again", async () => {
    await smtp.mailbox.stop();
    try {
      await queue("cy@example.test", "Later");
      expect(await deliverDueMail(smtp.sender, { retryDelayMs: () => 60_000 })).toEqual({ sent: 0, failed: 1, withdrawn: 0 });
    } finally {
      await smtp.mailbox.start();
    }
    expect(await deliverDueMail(smtp.sender)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
    expect(smtp.mailbox.messages).toHaveLength(0);
  });

  it("gives a message up after its last attempt and keeps it with the error", async () => {
    await smtp.mailbox.stop();
    try {
      await queue("dee@example.test", "Never delivered");
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      await deliverDueMail(smtp.sender, { ...now, maxAttempts: 2 });
      await deliverDueMail(smtp.sender, { ...now, maxAttempts: 2 });
      quiet.mockRestore();
    } finally {
      await smtp.mailbox.start();
    }
    const [given] = await outbox();
    expect(given.abandonedAt).not.toBeNull();
    expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 0 });
  });

  it("lets two deliverers share the queue without sending a message twice", async () => {
    for (let i = 0; i < 12; i++) await queue(`p${i}@example.test`, `Parallel ${i}`);
    const rounds = await Promise.all([deliverDueMail(smtp.sender, { batch: 5 }), deliverDueMail(smtp.sender, { batch: 5 }), deliverDueMail(smtp.sender, { batch: 5 })]);
    const more = await deliverDueMail(smtp.sender);
    expect(rounds.reduce((n, r) => n + r.sent, 0) + more.sent).toBe(12);
    expect(smtp.mailbox.messages).toHaveLength(12);
    expect(new Set(smtp.mailbox.messages.map((m) => m.subject)).size).toBe(12);
  });

  it("does not send a message whose claim another process took over while the round was held up", async () => {
    await queue("first@example.test", "First of the round");
    await queue("second@example.test", "Second of the round");
    // The server is slow on the first message: meanwhile another process, seeing the lease run out, claims the second.
    let slowed = false;
    const slowServer: SendMail = async (mail) => {
      if (!slowed) {
        slowed = true;
        await db()
          .update(mailOutbox)
          .set({ nextAttemptAt: sql`now() + interval '2 minutes'` })
          .where(sql`${mailOutbox.id} <> ${mail.id}`);
      }
      await smtp.sender(mail);
    };
    // One at a time, so the second message's turn comes after the first's send.
    expect(await deliverDueMail(slowServer, { ...now, sendingAtOnce: 1 })).toEqual({ sent: 1, failed: 0, withdrawn: 0 });
    expect(smtp.mailbox.messages).toHaveLength(1);
    const rows = await outbox();
    expect(rows.filter((row) => row.sentAt === null)).toHaveLength(1);
  });

  it("keeps no words or links of a message once it is sent, given up or withdrawn, only what it was and to whom", async () => {
    await queue("kept@example.test", "Sent and forgotten");
    await deliverDueMail(smtp.sender, now);
    await smtp.mailbox.waitFor((m) => m.subject === "Sent and forgotten");
    await smtp.mailbox.stop();
    try {
      await queue("lost@example.test", "Given up and forgotten");
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      await deliverDueMail(smtp.sender, { ...now, maxAttempts: 1 });
      quiet.mockRestore();
    } finally {
      await smtp.mailbox.start();
    }
    await enqueueMail(db(), [{ kind: "test", to: "gone@example.test", userId: null, subject: "Withdrawn and forgotten", paragraphs: ["A draft's words."], requires: [{ teamId: crypto.randomUUID(), grant: "note.read" }] }]);
    expect(await deliverDueMail(smtp.sender, now)).toEqual({ sent: 0, failed: 0, withdrawn: 1 });

    const rows = await outbox();
    expect(rows.map((row) => [row.subject, row.recipient, row.text, row.html])).toEqual([
      ["Sent and forgotten", "kept@example.test", "", ""],
      ["Given up and forgotten", "lost@example.test", "", ""],
      ["Withdrawn and forgotten", "gone@example.test", "", ""],
    ]);
    expect(rows.every((row) => row.sentAt !== null || row.abandonedAt !== null)).toBe(true);
  });

  it("deletes mail done with more than 30 days ago, and never mail still waiting", async () => {
    for (const subject of ["Old sent", "Old given up", "Recent sent", "Old waiting"]) await queue("old@example.test", subject);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const age = (subject: string, set: Partial<typeof mailOutbox.$inferInsert>) => db().update(mailOutbox).set(set).where(eq(mailOutbox.subject, subject));
    await age("Old sent", { sentAt: daysAgo(31) });
    await age("Old given up", { abandonedAt: daysAgo(31) });
    await age("Recent sent", { sentAt: daysAgo(29) });
    await age("Old waiting", { createdAt: daysAgo(40), nextAttemptAt: daysAgo(-1) });

    expect(await forgetOldMail()).toBe(2);
    expect((await outbox()).map((row) => row.subject).sort()).toEqual(["Old waiting", "Recent sent"]);
  });

  it("deletes old mail from the mail loop", async () => {
    await queue("old@example.test", "Long sent");
    await db().update(mailOutbox).set({ sentAt: new Date(Date.now() - 31 * 86_400_000) });
    const loop = startMailLoop(smtp.sender, { intervalMs: 10 });
    try {
      await vi.waitFor(async () => expect(await outbox()).toHaveLength(0), { timeout: 5000 });
    } finally {
      await loop.stop();
    }
  });

  it("queues nothing when no mail server is configured", async () => {
    vi.stubEnv("SMTP_URL", "");
    try {
      expect(await queue("eve@example.test", "Nowhere to go")).toBe(0);
    } finally {
      vi.stubEnv("SMTP_URL", smtp.mailbox.url);
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
