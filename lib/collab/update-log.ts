import type { beforeSyncPayload, Extension, Hocuspocus } from "@hocuspocus/server";
import { appendUpdate } from "./note-state";
import { CLOSE_DATABASE_UNAVAILABLE, type CollabContext } from "./context";
import { scheduleStore } from "./schedule-store";

// y-protocols sync message types that carry document changes.
const SYNC_STEP_2 = 1;
const UPDATE = 2;
// An update with no structs and no deletions encodes to these two bytes.
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

/** Whether a sync message of this type and payload would change the document. */
export const carriesChanges = (type: number, payload: Uint8Array) => (type === SYNC_STEP_2 || type === UPDATE) && !isEmptyUpdate(payload);

/**
 * "Acknowledged means durable": Hocuspocus awaits beforeSync before it applies
 * an update and acknowledges it, so the update is committed to the log first.
 * If the append fails, the hook throws, the update is neither applied nor
 * acknowledged, and the socket is closed: the client keeps the update and
 * sends it again when it reconnects.
 *
 * Every row appended is followed by a store that folds it. An update the
 * server already holds (a reconnecting editor's sync reply carries the whole
 * delete set; its provider replays what it queued offline) changes nothing in
 * memory, so Hocuspocus itself would schedule no store for it.
 */
export function updateLog(): Extension {
  let instance: Hocuspocus | undefined;
  return {
    extensionName: "DossierUpdateLog",
    async onConfigure({ instance: configured }) {
      instance = configured;
    },
    async beforeSync({ connection, document, documentName, type, payload, context }: beforeSyncPayload<CollabContext>) {
      if (connection.readOnly) return; // Hocuspocus drops these; they must not reach the log either.
      if (!carriesChanges(type, payload)) return;
      try {
        await appendUpdate(context.noteId, payload, context.userId);
      } catch (error) {
        connection.webSocket.close(CLOSE_DATABASE_UNAVAILABLE.code, CLOSE_DATABASE_UNAVAILABLE.reason);
        throw error;
      }
      // A note unloaded meanwhile (its last editor left) is not stored here: its next load stores the row.
      if (instance?.documents.get(documentName) === document) scheduleStore(instance, document, context);
    },
  };
}
