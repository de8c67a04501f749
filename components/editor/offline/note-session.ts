"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";
import { connectToNote, fetchCollabToken } from "../collab-connection";
import { openOfflineStore, readStoredEdits, storedCount, type StoredEdits } from "./offline-store";
import { PendingChanges } from "./pending-changes";
import { offlineStoreName } from "./store-names";
import { mayStillWrite, type WriteMode } from "./write-mode";

export interface NoteSession {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Changes made here not yet acknowledged, this visit and earlier ones. */
  pending: PendingChanges;
  /** Whether those changes are kept in this browser (IndexedDB), or only in this tab. */
  kept: boolean;
  storeName: string;
  persistence: IndexeddbPersistence | null;
}

export interface OpenedNote {
  session: NoteSession;
  /** Changes stored here that this user may no longer send: kept out of the document, for the user to copy or discard. */
  refused: StoredEdits | null;
}

/**
 * Opens a note's document in this order: the changes this browser kept are
 * loaded first (or, if the user may no longer send them, set aside and
 * not loaded), then the socket is opened. So the editor is drawn, and the
 * first sync answered, from a document that already holds everything this
 * browser had: the server's state merges into it, and what the server lacks
 * is sent; neither can replace the other. (Outline opens its store and its
 * socket together and keeps the editor read-only until one of them loads;
 * loading first needs no such window.)
 */
export async function openNoteSession(noteId: string, userId: string, mode: WriteMode | null, doc: Y.Doc): Promise<OpenedNote> {
  const storeName = offlineStoreName(userId, noteId);
  // Asked for now, used when the socket opens; a refused one fails the first connection as it would have anyway.
  const token = fetchCollabToken();
  token.catch(() => undefined);
  // The count alone decides: the edits themselves are read apart only when they must be set aside, to show their text.
  const stored = await storedCount(storeName);
  const refused = stored && stored.pending > 0 && !mayStillWrite(stored.mode, mode) ? await readStoredEdits(storeName) : null;
  // Set aside: nothing of it is loaded, and this visit's changes are not mixed into it.
  const store = mode && !refused ? await openOfflineStore(storeName, doc, mode) : null;
  const provider = connectToNote(noteId, doc, token);
  const pending = store?.pending ?? new PendingChanges(0, async () => undefined);
  return { session: { doc, provider, pending, kept: store !== null, storeName, persistence: store?.persistence ?? null }, refused };
}

/**
 * Counts every change made here and clears the count once the server has
 * acknowledged everything (connected, synced, nothing unacknowledged: what
 * the pill calls "Saved"). A refused connection never acknowledges, so the
 * count stays.
 */
export function countPendingChanges({ doc, provider, pending, persistence }: NoteSession): () => void {
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== persistence) pending.added();
  };
  const onProgress = () => {
    const connected = provider.configuration.websocketProvider.status === "connected";
    if (connected && provider.isSynced && !provider.hasUnsyncedChanges) pending.acknowledged();
  };
  doc.on("update", onUpdate);
  provider.on("synced", onProgress);
  provider.on("unsyncedChanges", onProgress);
  return () => {
    doc.off("update", onUpdate);
    provider.off("synced", onProgress);
    provider.off("unsyncedChanges", onProgress);
  };
}
