import { randomUUID } from "node:crypto";
import IORedis from "ioredis";
import { z } from "zod";

/**
 * What one Dossier process asks of every process serving the same team, over
 * Redis pub/sub. Hocuspocus' Redis extension carries a note's updates and
 * awareness, but only between processes that have the note open; these
 * messages must reach the others too (a member is revoked on a process that
 * has none of the notes they are editing open).
 */
/** What the server tells the editors of a note (as a stateless message), so they refresh that part. */
const NOTE_MESSAGES = ["comments", "review", "findings", "unlinked"] as const;
export type NoteMessage = (typeof NOTE_MESSAGES)[number];

const clusterMessage = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("close-member"), teamId: z.string().min(1), userId: z.string().min(1) }),
  z.object({ kind: z.literal("close-note"), noteId: z.string().min(1) }),
  z.object({ kind: z.literal("close-user"), userId: z.string().min(1), sessionId: z.string().min(1).optional() }),
  z.object({ kind: z.literal("tell-editors"), noteId: z.string().min(1), message: z.enum(NOTE_MESSAGES) }),
]);
export type ClusterMessage = z.infer<typeof clusterMessage>;

const envelope = z.object({ from: z.string(), message: clusterMessage });

export interface Cluster {
  /** Sends to every other process; the sender acts on its own copy itself. */
  publish(message: ClusterMessage): void;
  close(): Promise<void>;
}

const channelOf = (prefix: string) => `${prefix}:cluster`;

/**
 * Tells every process one thing, from a process that is not one of them
 * (the operators' command line), and disconnects once Redis has it.
 */
export async function publishOnce(redisUrl: string, prefix: string, message: ClusterMessage): Promise<void> {
  const pub = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  try {
    await pub.connect();
    await pub.publish(channelOf(prefix), JSON.stringify({ from: randomUUID(), message }));
  } finally {
    pub.disconnect(false);
  }
}

/** Joins the processes on `redisUrl`; `receive` runs for each message another process sends. */
export async function joinCluster(redisUrl: string, prefix: string, receive: (message: ClusterMessage) => void): Promise<Cluster> {
  const channel = channelOf(prefix);
  const self = randomUUID();
  const options = { maxRetriesPerRequest: null, lazyConnect: true };
  const pub = new IORedis(redisUrl, options);
  const sub = new IORedis(redisUrl, options);
  await Promise.all([pub.connect(), sub.connect()]);

  sub.on("message", (_channel: string, raw: string) => {
    let parsed: z.infer<typeof envelope>;
    try {
      parsed = envelope.parse(JSON.parse(raw));
    } catch (error) {
      console.error("cluster: ignored a malformed message:", error);
      return;
    }
    if (parsed.from !== self) receive(parsed.message);
  });
  await sub.subscribe(channel);

  return {
    publish(message) {
      pub.publish(channel, JSON.stringify({ from: self, message })).catch((error: unknown) => {
        console.error(`cluster: could not publish ${message.kind}:`, error);
      });
    },
    async close() {
      sub.disconnect(false);
      pub.disconnect(false);
    },
  };
}
