import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { db } from "@/db";
import { webhooks } from "@/db/schema";

/** One request as the receiver got it. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1, the only address tests send to: it
 * records every request and every connection, and answers with the statuses
 * queued in `answers` (200 once they run out).
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "/", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = answers.shift() ?? 200;
      response.writeHead(status, status >= 300 && status < 400 ? { Location: "http://127.0.0.1:9/elsewhere" } : {});
      response.end(status < 300 ? "ok" : "no");
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    answers,
    connections: () => connections,
    reset() {
      received.length = 0;
      answers.length = 0;
      connections = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** The server secret webhook secrets are sealed under in tests. */
export const TEST_AUTH_SECRET = "a-test-auth-secret-of-at-least-thirty-two-characters";

/**
 * For a test file about webhooks: a receiver for the whole file, the server's
 * AUTH_SECRET, and loopback allowed (DOSSIER_WEBHOOKS_ALLOW_LOOPBACK) unless
 * told not to; after each test, no webhooks and an empty receiver.
 */
export function useWebhookReceiver(options: { allowLoopback?: boolean } = {}): () => WebhookReceiver {
  let receiver: WebhookReceiver | undefined;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
    vi.stubEnv("DOSSIER_WEBHOOKS_ALLOW_LOOPBACK", options.allowLoopback === false ? "0" : "1");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await receiver?.close();
  });
  afterEach(async () => {
    await db().delete(webhooks);
    receiver?.reset();
  });
  return () => receiver!;
}
