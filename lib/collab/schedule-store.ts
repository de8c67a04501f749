import type { Document, Hocuspocus } from "@hocuspocus/server";

/**
 * Asks Hocuspocus for its debounced store of `document`, as an edit applied
 * to it would. Hocuspocus schedules a store only when its copy changes, but
 * a row can reach the update log without changing that copy (an update the
 * server already holds, or a row left by a process that stopped before
 * storing), and a row no store follows is folded only by the next edit.
 */
export function scheduleStore(instance: Hocuspocus, document: Document, context: unknown) {
  void instance.storeDocumentHooks(document, {
    instance,
    document,
    documentName: document.name,
    clientsCount: document.getConnectionsCount(),
    lastContext: context,
    lastTransactionOrigin: undefined,
  });
}
