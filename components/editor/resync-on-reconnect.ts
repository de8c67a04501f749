import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";

// The provider protocol's message type for Yjs sync messages (steps 1 and 2, updates).
const SYNC_MESSAGE = 0;

function isSyncMessage(message: unknown): boolean {
  if (!(message instanceof Uint8Array)) return false;
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // the document's name
    return decoding.readVarUint(decoder) === SYNC_MESSAGE;
  } catch {
    return false;
  }
}

/**
 * Keeps "Saved" honest after a reconnection. Edits made while the socket is
 * down wait in its queue and go out once it opens; but on every connection the
 * provider restarts its count of unacknowledged changes at 1, so the
 * acknowledgement of the first queued edit would bring it to 0 ("Saved")
 * while the others, and the sync reply carrying everything else typed
 * offline, are not yet in the log. The sync that follows every connection
 * sends all local changes anyway (it answers the server's state vector), so
 * queued sync messages are dropped when the socket opens, and "Saved" then
 * waits for the acknowledgement of that reply.
 */
export function resyncOnReconnect(websocketProvider: HocuspocusProviderWebsocket) {
  // The queue is private in the provider's types; @hocuspocus/provider is pinned, and a test guards this.
  const socket = websocketProvider as unknown as { messageQueue: unknown[] };
  websocketProvider.on("open", () => {
    socket.messageQueue = socket.messageQueue.filter((message) => !isSyncMessage(message));
  });
}
