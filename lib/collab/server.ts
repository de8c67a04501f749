import { Hocuspocus, type Extension } from "@hocuspocus/server";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import IORedis from "ioredis";
import { approvalWatcher } from "./approval-watch";
import { authentication } from "./authentication";
import { awarenessLimits } from "./awareness-limits";
import type { CollabContext } from "./context";
import { persistence } from "./persistence";
import { presence } from "./presence";
import { revisionScheduler, type RevisionTiming } from "./revision-scheduler";
import type { StoreRetryTiming } from "./store-retry";
import { updateGuard } from "./update-guard";
import { updateLog } from "./update-log";

export const REDIS_PREFIX = "dossier";

export interface CollabOptions {
  /** Secret that signs collaboration tokens (AUTH_SECRET). */
  secret: string;
  /** With Redis, updates and awareness cross to the other processes serving a note. */
  redisUrl?: string;
  /** Namespace of Dossier's keys and channels in Redis (tests keep theirs apart). */
  redisPrefix?: string;
  /** Milliseconds of quiet before the debounced store (tests shorten it). */
  debounce?: number;
  /** When automatic revisions are made and how they are thinned. */
  revisions?: RevisionTiming;
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
    authentication(options.secret),
    presence(),
    awarenessLimits(),
    updateGuard(),
    ...(options.updateLog === false ? [] : [updateLog()]),
    persistence(options.storeRetry),
    revisionScheduler(options.revisions ?? { pauseMs: 3 * 60_000 }),
    approvalWatcher(),
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
