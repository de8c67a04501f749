import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestMailbox {
  /** The SMTP_URL that reaches this server. */
  url: string;
  port: number;
  /** Every message received, parsed, in order. */
  messages: ParsedMail[];
  /** The first message matching, waiting for it to arrive. */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Messages sent to one address. */
  to(address: string): ParsedMail[];
  /** Stops listening (a mail server outage); start() listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const recipients = (mail: ParsedMail) =>
  [mail.to ?? []].flat().flatMap((to) => to.value.map((address) => address.address?.toLowerCase() ?? ""));

/**
 * A real SMTP server on a loopback port (smtp-server), which parses what it
 * receives (mailparser), for the tests of mail: nothing about sending is faked.
 */
export async function startTestMailbox(port = 0): Promise<TestMailbox> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer;
  let boundPort = port;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              messages.push(mail);
              for (const wake of waiters) wake();
              callback();
            })
            .catch(callback);
        },
      });
      server.once("error", reject);
      server.listen(boundPort, "127.0.0.1", () => {
        boundPort = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();

  return {
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    messages,
    to: (address) => messages.filter((mail) => recipients(mail).includes(address.toLowerCase())),
    async waitFor(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (true) {
        const found = messages.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No matching mail within ${timeoutMs} ms; received: ${messages.map((m) => m.subject).join(" | ") || "nothing"}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    stop,
    start: listen,
    close: stop,
  };
}
