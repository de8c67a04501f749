/**
 * What e-mail costs the change it tells of, and how fast the outbox drains.
 *
 * A command that notifies three reviewers of a note (as a review request
 * does) is timed with mail off and with every recipient taking mail at once:
 * with mail on, the same transaction reads their choices, composes three
 * messages and queues them. Then the outbox is drained through a real SMTP
 * server on loopback (smtp-server), in the delivery loop's rounds, and the
 * rate is messages the server took per second. PGlite in memory.
 */
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db";
import { runCommand } from "@/lib/commands/command";
import { deliverDueMail, type SendMail } from "@/lib/mail/delivery";
import { smtpSender } from "@/lib/mail/smtp";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { ratio, report, summarise } from "./stats";

const COMMANDS = Number(process.env.BENCH_MAIL_COMMANDS ?? 300);
const RECIPIENTS = 3;

async function smtpServer(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // A relay would not look its client up either; on a machine without DNS each lookup waits out its timeout.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function timeCommands(teamId: string, noteId: string, reviewers: string[], actorId: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const started = performance.now();
    await runCommand(({ notify }) => notify(reviewers.map((userId) => ({ userId, teamId, kind: "review_requested" as const, noteId, actorId }))));
    times.push(performance.now() - started);
  }
  return times;
}

/** Sends everything due, in the delivery loop's rounds; how many went and how fast. */
async function drain(send: SendMail): Promise<{ sent: number; perSecond: number }> {
  const started = performance.now();
  let sent = 0;
  for (let round = await deliverDueMail(send, { batch: 20 }); round.sent > 0; round = await deliverDueMail(send, { batch: 20 })) sent += round.sent;
  return { sent, perSecond: Math.round(sent / ((performance.now() - started) / 1000)) };
}

export async function benchMail() {
  const database = openDatabase({ dataDir: "memory://" });
  await database.migrate();
  setDatabase(database);
  const smtp = await smtpServer();
  try {
    const { team, owner } = await buildTeam();
    const reviewers = await Promise.all(Array.from({ length: RECIPIENTS }, () => buildMember(team.id, "reviewer")));
    const note = await buildNote(team.id, owner.id);
    const ids = reviewers.map((reviewer) => reviewer.id);
    console.log(`mail: ${COMMANDS} commands notifying ${RECIPIENTS} reviewers each, mail off then on; then the outbox drained through SMTP on loopback`);

    // Warm both paths before measuring.
    await timeCommands(team.id, note.id, ids, owner.id);
    const off = summarise(await timeCommands(team.id, note.id, ids, owner.id));
    process.env.SMTP_URL = smtp.url;
    // Unsubscribe links are signed with it; server.ts sets it from the configuration.
    process.env.AUTH_SECRET ??= "a-bench-secret-of-at-least-thirty-two-characters";
    await timeCommands(team.id, note.id, ids, owner.id);
    // The outbox's own bookkeeping (claim, renew, mark sent), with a sender that takes each message at once.
    const bookkeeping = await drain(async () => {});
    const on = summarise(await timeCommands(team.id, note.id, ids, owner.id));
    const sender = smtpSender({ smtpUrl: smtp.url, from: "Dossier <dossier@bench.test>" });
    const throughSmtp = await drain(sender);
    sender.close();

    report(
      "mail",
      [
        { path: "notify, mail off", "p50 ms": off.p50, "p99 ms": off.p99 },
        { path: "notify, 3 messages queued", "p50 ms": on.p50, "p99 ms": on.p99, "p50 × off": ratio(on.p50, off.p50), "p99 × off": ratio(on.p99, off.p99) },
        { path: "delivery, outbox alone", messages: bookkeeping.sent, "messages/s": bookkeeping.perSecond },
        { path: "delivery through SMTP", messages: smtp.received(), "messages/s": throughSmtp.perSecond },
      ],
      { commands: COMMANDS, recipients: RECIPIENTS },
    );
  } finally {
    delete process.env.SMTP_URL;
    await smtp.close();
    await database.close();
  }
}
