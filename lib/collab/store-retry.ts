import type { onStoreDocumentPayload } from "@hocuspocus/server";

export interface StoreRetryTiming {
  /** Wait before the first retry; each further retry waits twice as long. */
  firstMs: number;
  /** The longest wait between two retries. */
  maxMs: number;
}

const DEFAULT_STORE_RETRY: StoreRetryTiming = { firstMs: 500, maxMs: 30_000 };

/**
 * Keeps track of notes whose last store failed and stores them again, with
 * backoff, until a store succeeds. Hocuspocus itself logs a failed store and
 * never tries again, so without this a note edited once and then left alone
 * would keep its changes only in the log, and any later unload would drop it
 * from memory unsaved.
 */
export function storeRetries(timing: StoreRetryTiming = DEFAULT_STORE_RETRY) {
  const unsaved = new Map<string, { failures: number; timer?: NodeJS.Timeout }>();

  const schedule = (payload: onStoreDocumentPayload) => {
    const { instance, document, documentName } = payload;
    const entry = unsaved.get(documentName);
    if (!entry || entry.timer) return;
    const wait = Math.min(timing.maxMs, timing.firstMs * 2 ** (entry.failures - 1));
    entry.timer = setTimeout(async () => {
      entry.timer = undefined;
      // Only the instance's own copy is stored; a note that was closed for good (destroyed) is not.
      if (instance.documents.get(documentName) !== document) {
        unsaved.delete(documentName);
        return;
      }
      await instance.storeDocumentHooks(document, payload, true);
      // Failed again, or another process held the store lock and this one skipped it: later.
      if (unsaved.get(documentName) === entry) schedule(payload);
    }, wait);
  };

  return {
    /** The store of this note failed: try again later. */
    failed(payload: onStoreDocumentPayload) {
      const entry = unsaved.get(payload.documentName) ?? { failures: 0 };
      entry.failures += 1;
      unsaved.set(payload.documentName, entry);
      schedule(payload);
    },
    /** The note is stored: no retry is due. */
    stored(documentName: string) {
      clearTimeout(unsaved.get(documentName)?.timer);
      unsaved.delete(documentName);
    },
    isUnsaved: (documentName: string) => unsaved.has(documentName),
    clear() {
      for (const entry of unsaved.values()) clearTimeout(entry.timer);
      unsaved.clear();
    },
  };
}
