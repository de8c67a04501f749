import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import { loadNoteState, storeNoteState } from "./note-state";
import type { CollabContext } from "./context";

/**
 * Loads a note's state (stored state plus log) and, on Hocuspocus' debounced
 * store, folds the log into the stored state with the derived JSON and text.
 * A failed load throws, so Hocuspocus never serves (or later stores) an empty
 * document in place of a stored one.
 */
export function persistence(): Extension {
  return {
    extensionName: "DossierPersistence",
    async onLoadDocument({ documentName }: onLoadDocumentPayload) {
      const state = await loadNoteState(documentName);
      if (!state) throw Object.assign(new Error("note not found"), { reason: "not-found" });
      return state;
    },
    async onStoreDocument({ documentName, document, lastContext }: onStoreDocumentPayload) {
      const context = lastContext as Partial<CollabContext> | undefined;
      await storeNoteState(documentName, document, context?.userId ?? null);
    },
  };
}
