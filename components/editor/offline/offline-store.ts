"use client";

import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { deriveBody } from "@/lib/editor/derive";
import { PendingChanges } from "./pending-changes";
import { ownerOfStore } from "./store-names";
import type { WriteMode } from "./write-mode";

// Kept in the store's meta, beside the edits, so they are right after a reload.
const PENDING_KEY = "pending";
const MODE_KEY = "mode";

// A browser that cannot open IndexedDB (some private windows) never answers: the editor goes on without it.
const OPEN_TIMEOUT_MS = 3000;

export interface OfflineStore {
  persistence: IndexeddbPersistence;
  pending: PendingChanges;
}

async function opened(persistence: IndexeddbPersistence): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), OPEN_TIMEOUT_MS)));
  const ok = await Promise.race([persistence.whenSynced.then(() => true), timeout]);
  clearTimeout(timer);
  return ok;
}

/**
 * Binds the note's document to its store in this browser: what the store
 * holds is loaded into `doc` (and so merged with the server's state once the
 * provider syncs: a merge, never a replacement), and every later change of
 * `doc` is stored. Resolves once loaded, or null when IndexedDB is unusable.
 */
export async function openOfflineStore(name: string, doc: Y.Doc, mode: WriteMode): Promise<OfflineStore | null> {
  if (typeof indexedDB === "undefined") return null;
  const persistence = new IndexeddbPersistence(name, doc);
  if (!(await opened(persistence))) {
    await persistence.destroy().catch(() => undefined);
    return null;
  }
  const stored = Number(await persistence.get(PENDING_KEY));
  const pending = new PendingChanges(Number.isFinite(stored) ? stored : 0, (count) => keepCount(persistence.db!, count, mode));
  return { persistence, pending };
}

// y-indexeddb's object stores: the document's updates, and its meta.
const UPDATES_STORE = "updates";
const META_STORE = "custom";

/**
 * Writes the count in a transaction over the updates too: IndexedDB runs
 * transactions of overlapping scope in the order they were made, so once
 * this one completes, the updates it counts (written by y-indexeddb as they
 * happened) are committed before it.
 */
function keepCount(db: IDBDatabase, count: number, mode: WriteMode): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction([UPDATES_STORE, META_STORE], "readwrite");
    const meta = transaction.objectStore(META_STORE);
    meta.put(count, PENDING_KEY);
    if (count > 0) meta.put(mode, MODE_KEY);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

export interface StoredEdits {
  pending: number;
  mode: WriteMode;
  /** The text of the note as this browser has it, edits included: what the user may copy. */
  text: string;
}

/** Reads a store without loading it into the editor's document, or null when there is none. */
export async function readStoredEdits(name: string): Promise<StoredEdits | null> {
  if (!(await storeExists(name))) return null;
  const scratch = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, scratch);
  try {
    if (!(await opened(persistence))) return null;
    const pending = Number(await persistence.get(PENDING_KEY)) || 0;
    const mode: WriteMode = (await persistence.get(MODE_KEY)) === "suggest" ? "suggest" : "edit";
    return { pending, mode, text: deriveBody(scratch).text };
  } finally {
    await persistence.destroy();
    scratch.destroy();
  }
}

/** Deletes one note's store: only ever on the user's choice, or on signing out. */
export async function discardStoredEdits(name: string): Promise<void> {
  await deleteDatabase(name);
}

async function storeNames(): Promise<string[]> {
  if (typeof indexedDB === "undefined" || !indexedDB.databases) return [];
  const databases = await indexedDB.databases();
  return databases.map((database) => database.name ?? "").filter((name) => ownerOfStore(name) !== null);
}

async function storeExists(name: string): Promise<boolean> {
  // Without a list of databases, opening is the only way to know (and opening makes an empty one).
  if (typeof indexedDB === "undefined") return false;
  if (!indexedDB.databases) return true;
  return (await storeNames()).includes(name);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another tab still has it open: the deletion completes once it closes, as the page unloads.
    request.onblocked = () => resolve();
  });
}

export interface StoredCount {
  pending: number;
  mode: WriteMode;
}

/** A store's count of pending changes and the mode they were made in, read from its meta alone (y-indexeddb's "custom" store), without loading the note. */
function readStoredCount(name: string): Promise<StoredCount> {
  return new Promise((resolve) => {
    const none: StoredCount = { pending: 0, mode: "edit" };
    const request = indexedDB.open(name);
    request.onerror = () => resolve(none);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META_STORE)) return db.close(), resolve(none);
      const meta = db.transaction(META_STORE, "readonly").objectStore(META_STORE);
      const pending = meta.get(PENDING_KEY);
      const mode = meta.get(MODE_KEY);
      mode.onsuccess = () => (db.close(), resolve({ pending: Number(pending.result) || 0, mode: mode.result === "suggest" ? "suggest" : "edit" }));
      mode.onerror = () => (db.close(), resolve(none));
    };
  });
}

/**
 * What this browser keeps of a note's edits, without loading them: null when
 * it keeps nothing. Opening a note reads this first, and loads the edits
 * themselves (readStoredEdits) only when they must be set aside.
 */
export async function storedCount(name: string): Promise<StoredCount | null> {
  return (await storeExists(name)) ? readStoredCount(name) : null;
}

/** How many changes wait in this browser's stores, over every note: what signing out would discard. */
export async function pendingInBrowser(): Promise<number> {
  const counts = await Promise.all((await storeNames()).map(readStoredCount));
  return counts.reduce((sum, count) => sum + count.pending, 0);
}

/**
 * Deletes Dossier's stores of this browser: all of them on signing out, or,
 * when someone signs in, those of anyone else (a shared computer: the last
 * user may have been signed out elsewhere, or their session ended).
 */
export async function forgetOfflineStores(keepUserId?: string): Promise<void> {
  const names = await storeNames();
  await Promise.all(names.filter((name) => ownerOfStore(name) !== keepUserId).map(deleteDatabase));
}
