import type { afterLoadDocumentPayload, Extension, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import { loadNoteState, pendingUpdateCount, storeNoteState } from "./note-state";
import type { CollabContext } from "./context";
import type { NoteSubscriber } from "./note-hooks";
import { scheduleStore } from "./schedule-store";
import { storeRetries, type StoreRetryTiming } from "./store-retry";
import { inStoreSlot } from "./store-slots";

/**
 * Loads a note's state (stored state plus log) and, on Hocuspocus' debounced
 * store, folds the log into the stored state with the derived JSON and text.
 * A failed load throws, so Hocuspocus never serves (or later stores) an empty
 * document in place of a stored one. A note loaded with rows in its log (left
 * by a process that stopped, or appended as the note was unloaded) is stored
 * soon after, as an edit would be. A failed store is tried again until it
 * succeeds, and the note is not unloaded before then. The subscribers' work
 * on a changed body is part of each store.
 */
export function persistence(subscribers: readonly NoteSubscriber[], retryTiming?: StoreRetryTiming): Extension {
  const retries = storeRetries(retryTiming);
  return {
    extensionName: "DossierPersistence",
    async onLoadDocument({ documentName }: onLoadDocumentPayload) {
      let state: Uint8Array | null;
      try {
        state = await loadNoteState(documentName);
      } catch (error) {
        // The client is refused with a reason of its own, not "permission denied".
        throw Object.assign(new Error(`could not load note ${documentName}`, { cause: error }), { reason: "load-failed" });
      }
      if (!state) throw Object.assign(new Error("note not found"), { reason: "not-found" });
      return state;
    },
    async afterLoadDocument({ instance, document, documentName }: afterLoadDocumentPayload) {
      // No context: whoever opened the note is not who wrote those rows (the rows name their writers).
      if ((await pendingUpdateCount(documentName)) > 0) scheduleStore(instance, document, undefined);
    },
    async onStoreDocument(payload: onStoreDocumentPayload) {
      const context = payload.lastContext as Partial<CollabContext> | undefined;
      try {
        await inStoreSlot(() => storeNoteState(payload.documentName, payload.document, context?.userId ?? null, subscribers));
      } catch (error) {
        retries.failed(payload);
        throw error;
      }
      retries.stored(payload.documentName);
    },
    async beforeUnloadDocument({ documentName }) {
      // Throwing here is how an extension keeps Hocuspocus from unloading a document.
      if (retries.isUnsaved(documentName)) throw new Error(`note ${documentName} is kept in memory until a store succeeds`);
    },
    async onDestroy() {
      retries.clear();
    },
  };
}
