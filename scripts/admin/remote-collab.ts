import { publishOnce, type ClusterMessage } from "@/lib/collab/cluster";
import { registerCollab } from "@/lib/collab/registry";
import { REDIS_PREFIX } from "@/lib/collab/server";

/**
 * The command line runs no collaboration server: the open editors are on the
 * server processes. With Redis it tells them all, as they tell one another
 * (lib/collab/cluster.ts); without it, it reaches none, and an editor opened
 * under an ended session stays until it reconnects and is refused.
 */
export function reachServers(redisUrl: string | undefined) {
  const sent: Promise<void>[] = [];
  const tell = (message: ClusterMessage) => {
    if (redisUrl) {
      const sending = publishOnce(redisUrl, REDIS_PREFIX, message);
      sending.catch(() => {}); // awaited in delivered(); until then a failure must not end the process
      sent.push(sending);
    }
    return 0;
  };
  const notHere = (): never => {
    throw new Error("Open notes cannot be changed from the command line.");
  };
  registerCollab({
    closeUserConnections: (userId, sessionId) => tell({ kind: "close-user", userId, sessionId }),
    closeMemberConnections: (teamId, userId) => tell({ kind: "close-member", teamId, userId }),
    replaceMentions: notHere,
    restoreBody: notHere,
    tellEditors: notHere,
    closeNote: notHere,
  });
  return {
    reachesEditors: Boolean(redisUrl),
    /** Waits until Redis has every message; throws if one could not be sent. */
    async delivered() {
      await Promise.all(sent);
    },
  };
}
