import type { HocuspocusProvider } from "@hocuspocus/provider";
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

// Internals of @hocuspocus/provider (pinned) that its types keep private; reconnect-saved.test.ts guards them.
type SocketInternals = { messageQueue: unknown[] };
type ProviderInternals = { resetUnsyncedChanges(): void; emit(event: string, payload: unknown): void };

/**
 * Keeps "Saved" honest after a reconnection. On every connection the provider
 * restarts its count of unacknowledged changes at 1 (for its sync reply, which
 * carries everything typed offline), so the acknowledgement of any other
 * update would bring it to 0, "Saved", before that reply is in the log. Two
 * kinds of update get there first:
 * - edits queued while the socket was down, sent once it opens: they are
 *   dropped, since the sync reply carries them anyway (it answers the
 *   server's state vector with every change the server lacks);
 * - edits made after the socket opened but before the sync starts (while the
 *   token is fetched), sent straight away: they are added to the count.
 */
export function resyncOnReconnect(provider: HocuspocusProvider) {
  const websocketProvider = provider.configuration.websocketProvider;
  const socket = websocketProvider as unknown as SocketInternals;
  const internals = provider as unknown as ProviderInternals;
  let opened = false;
  let sentBeforeSync = 0;

  websocketProvider.on("open", () => {
    socket.messageQueue = socket.messageQueue.filter((message) => !isSyncMessage(message));
    opened = true;
    sentBeforeSync = 0;
  });
  provider.document.on("update", (_update: Uint8Array, origin: unknown) => {
    if (opened && origin !== provider) sentBeforeSync += 1;
  });
  const reset = internals.resetUnsyncedChanges.bind(provider);
  internals.resetUnsyncedChanges = () => {
    reset();
    if (opened && sentBeforeSync > 0) {
      provider.unsyncedChanges += sentBeforeSync;
      internals.emit("unsyncedChanges", { number: provider.unsyncedChanges });
    }
    opened = false;
    sentBeforeSync = 0;
  };
}
