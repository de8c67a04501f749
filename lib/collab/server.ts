import { Hocuspocus, type Extension } from "@hocuspocus/server";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import IORedis from "ioredis";
import { authentication } from "./authentication";
import { awarenessLimits } from "./awareness-limits";
import type { CollabContext, NoteAccessCheck } from "./context";
import { noteHooks, type NoteSubscriber } from "./note-hooks";
import { persistence } from "./persistence";
import { presence } from "./presence";
import type { StoreRetryTiming } from "./store-retry";
import { updateGuard } from "./update-guard";
import { updateLog } from "./update-log";

export const REDIS_PREFIX = "dossier";

export interface CollabOptions {
  /** Secret that signs collaboration tokens (AUTH_SECRET). */
  secret: string;
  /** What a user may do with a note's document (lib/collab-wiring.ts gives it). */
  noteAccess: NoteAccessCheck;
  /** What runs as notes are stored and unloaded (lib/collab-wiring.ts gives them). */
  subscribers: readonly NoteSubscriber[];
  /** With Redis, updates and awareness cross to the other processes serving a note. */
  redisUrl?: string;
  /** Namespace of Dossier's keys and channels in Redis (tests keep theirs apart). */
  redisPrefix?: string;
  /** Milliseconds of quiet before the debounced store (tests shorten it). */
  debounce?: number;
  /** How soon a failed store is tried again (tests shorten it). */
  storeRetry?: StoreRetryTiming;
  /** `false` acknowledges updates without logging them first, so a benchmark can price the log; never in the app. */
  updateLog?: boolean;
}

/**
 * The collaboration server: one Hocuspocus instance whose extensions each do
 * one job. Order matters: authentication first, presence before its limits
 * so a state is measured as it would be relayed, the guard before the update
 * log so a refused update is never logged, the update log before persistence
 * so an update is on disk before anything else sees it.
 */
export function createCollabServer(options: CollabOptions): Hocuspocus<CollabContext> {
  const extensions: Extension[] = [
    authentication(options.secret, options.noteAccess),
    presence(),
    awarenessLimits(),
    updateGuard(),
    ...(options.updateLog === false ? [] : [updateLog()]),
    persistence(options.subscribers, options.storeRetry),
    noteHooks(options.subscribers),
  ];
  if (options.redisUrl) {
    const url = options.redisUrl;
    extensions.push(
      new RedisExtension({ prefix: options.redisPrefix ?? REDIS_PREFIX, createClient: () => new IORedis(url, { maxRetriesPerRequest: null }) }),
    );
  }
  return new Hocuspocus<CollabContext>({
    name: `dossier-${process.pid}`,
    quiet: true,
    debounce: options.debounce ?? 2_000,
    maxDebounce: 10_000,
    extensions,
  });
}
