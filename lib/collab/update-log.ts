import type { beforeSyncPayload, Extension, Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { appendUpdate } from "./note-state";
import { CLOSE_DATABASE_UNAVAILABLE, type CollabContext } from "./context";
import { scheduleStore } from "./schedule-store";

// y-protocols sync message types that carry document changes.
const SYNC_STEP_2 = 1;
const UPDATE = 2;
// An update with no structs and no deletions encodes to these two bytes.
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0;

/** Whether Hocuspocus acknowledges a sync message of this type to its sender ("Saved"). */
const acknowledged = (type: number) => type === SYNC_STEP_2 || type === UPDATE;

/** Whether a sync message of this type and payload would change the document. */
export const carriesChanges = (type: number, payload: Uint8Array) => acknowledged(type) && !isEmptyUpdate(payload);

/** A write the connection's acknowledgement waits for: if it fails, the socket closes, and the client sends again on reconnecting. */
async function closingOnFailure(connection: beforeSyncPayload<CollabContext>["connection"], write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch (error) {
    connection.webSocket.close(CLOSE_DATABASE_UNAVAILABLE.code, CLOSE_DATABASE_UNAVAILABLE.reason);
    throw error;
  }
}

/** Updates a note applied (and relayed) whose append failed, in order, and the one append of them under way. */
interface Unlogged {
  updates: { update: Uint8Array; userId: string | null }[];
  appending?: Promise<void>;
}

/**
 * Appends what the note holds unlogged. Every caller waits for the same
 * append (one started while another runs would find the list empty and let
 * its acknowledgement through first); an update left unlogged meanwhile is
 * appended after.
 */
async function appendUnlogged(noteId: string, unlogged: Unlogged): Promise<void> {
  while (unlogged.updates.length) {
    unlogged.appending ??= (async () => {
      const updates = unlogged.updates.slice();
      for (const { update, userId } of updates) await appendUpdate(noteId, update, userId);
      unlogged.updates.splice(0, updates.length);
    })().finally(() => (unlogged.appending = undefined));
    await unlogged.appending;
  }
}

/**
 * "Acknowledged means durable", at the speed of a relay: an update is applied
 * to the note as soon as the guard has let it through, so Hocuspocus relays
 * it to the other editors (and, through Redis, to other processes) at once,
 * while its append to the log commits. Hocuspocus awaits beforeSync before it
 * acknowledges the update to its writer, so "Saved" still waits for the
 * commit; applying the update again after this hook changes nothing.
 *
 * A crash between the relay and the commit leaves the update with the editors
 * and not with the server: the writer holds it unacknowledged and sends it
 * again on reconnecting, and any editor that received it carries it in its
 * sync step; either brings it back, once (Yjs applies an update once).
 * If the append fails, the hook throws and the socket is closed. The note in
 * memory holds the update already, so it is kept as not yet logged, and no
 * update or sync step to that note is acknowledged to anyone (a reconnecting
 * writer's sync step is empty: the server holds its change) until it is: each
 * first appends what the note holds unlogged, or is refused as the first was.
 *
 * Every row appended is followed by a store that folds it. An update the
 * server already holds (a reconnecting editor's sync reply carries the whole
 * delete set; its provider replays what it queued offline) changes nothing in
 * memory, so Hocuspocus itself would schedule no store for it.
 */
export function updateLog(): Extension {
  let instance: Hocuspocus | undefined;
  const unlogged = new WeakMap<Y.Doc, Unlogged>();

  return {
    extensionName: "DossierUpdateLog",
    async onConfigure({ instance: configured }) {
      instance = configured;
    },
    async beforeSync({ connection, document, documentName, type, payload, context }: beforeSyncPayload<CollabContext>) {
      if (connection.readOnly || !acknowledged(type)) return; // Hocuspocus drops a read-only connection's updates; they must not reach the log either.
      const waiting = unlogged.get(document);
      if (waiting) await closingOnFailure(connection, appendUnlogged(context.noteId, waiting));
      if (!carriesChanges(type, payload)) return;
      const appended = appendUpdate(context.noteId, payload, context.userId);
      // The origin Hocuspocus itself gives a connection's update, so every hook sees it as the writer's.
      Y.applyUpdate(document, payload, { source: "connection", connection });
      await closingOnFailure(connection, appended).catch((error: unknown) => {
        const held = unlogged.get(document) ?? { updates: [] };
        held.updates.push({ update: payload, userId: context.userId });
        unlogged.set(document, held);
        throw error;
      });
      // A note unloaded meanwhile (its last editor left) is not stored here: its next load stores the row.
      if (instance?.documents.get(documentName) === document) scheduleStore(instance, document, context);
    },
  };
}
