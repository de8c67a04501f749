import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import { loadNoteState, storeNoteState } from "./note-state";
import type { CollabContext } from "./context";
import { storeRetries, type StoreRetryTiming } from "./store-retry";
import { inStoreSlot } from "./store-slots";

/**
 * Loads a note's state (stored state plus log) and, on Hocuspocus' debounced
 * store, folds the log into the stored state with the derived JSON and text.
 * A failed load throws, so Hocuspocus never serves (or later stores) an empty
 * document in place of a stored one. A failed store is tried again until it
 * succeeds, and the note is not unloaded before then.
 */
export function persistence(retryTiming?: StoreRetryTiming): Extension {
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
    async onStoreDocument(payload: onStoreDocumentPayload) {
      const context = payload.lastContext as Partial<CollabContext> | undefined;
      try {
        await inStoreSlot(() => storeNoteState(payload.documentName, payload.document, context?.userId ?? null));
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
