import type { Document, Extension, Hocuspocus } from "@hocuspocus/server";
import type { Executor } from "@/db";
import type { DocNode } from "@/lib/editor/document";
import type { NoteMessage } from "./cluster";

/** A body a store has just written, in the store's transaction. */
interface BodyChange {
  /** The store's transaction: what is written with it commits, or not, with the body. */
  tx: Executor;
  note: { id: string; teamId: string };
  content: DocNode;
}

/**
 * What the rest of Dossier runs as the collaboration server stores and
 * unloads notes. The server imports none of it: subscribers are given to it
 * where it starts (lib/collab-wiring.ts), each a set of optional hooks, run
 * in the order given.
 */
export interface NoteSubscriber {
  /**
   * In a store's transaction, once a changed body is written (a store that
   * changes nothing calls none). A throw fails the store, which is retried.
   */
  bodyChanged?(change: BodyChange): Promise<void>;
  /** After a store of the note has committed, whether or not its body changed. */
  stored?(noteId: string): void;
  /** After an edit is applied to an open note, on every process that has it open (Redis relays edits). */
  edited?(document: Document): void;
  /** When the note's editors on this process are told something beside its text changed (tellEditors). */
  told?(noteId: string, message: NoteMessage): void;
  /** After the note is unloaded: its last editor has left. */
  unloaded?(noteId: string): Promise<void>;
  /** As the server shuts down. */
  destroyed?(): void;
}

/** Runs every subscriber's `bodyChanged`, one after another, inside the store's transaction. */
export async function announceBodyChange(subscribers: readonly NoteSubscriber[], change: BodyChange): Promise<void> {
  for (const subscriber of subscribers) await subscriber.bodyChanged?.(change);
}

/** Runs `hook` of each subscriber; one that fails is logged and does not keep the others from running. */
async function announce(subscribers: readonly NoteSubscriber[], what: string, hook: (subscriber: NoteSubscriber) => unknown) {
  for (const subscriber of subscribers) {
    try {
      await hook(subscriber);
    } catch (error) {
      console.error(`collab: a subscriber failed after ${what}:`, error);
    }
  }
}

const subscribersOf = new WeakMap<Hocuspocus, readonly NoteSubscriber[]>();

/** Runs every subscriber's `told` of this server: a cluster message reached this process (lib/collab/registry.ts). */
export function announceTold(hocuspocus: Hocuspocus, noteId: string, message: NoteMessage): void {
  for (const subscriber of subscribersOf.get(hocuspocus) ?? []) subscriber.told?.(noteId, message);
}

/**
 * Tells the subscribers what Hocuspocus did with a note: applied an edit,
 * stored it (after persistence, so the store has committed), unloaded it,
 * or shut down.
 */
export function noteHooks(subscribers: readonly NoteSubscriber[]): Extension {
  return {
    extensionName: "DossierNoteHooks",
    async onConfigure({ instance }) {
      subscribersOf.set(instance, subscribers);
    },
    async onChange({ document }) {
      for (const subscriber of subscribers) subscriber.edited?.(document);
    },
    async afterStoreDocument({ documentName }) {
      await announce(subscribers, `storing note ${documentName}`, (subscriber) => subscriber.stored?.(documentName));
    },
    async afterUnloadDocument({ documentName }) {
      await announce(subscribers, `unloading note ${documentName}`, (subscriber) => subscriber.unloaded?.(documentName));
    },
    async onDestroy() {
      await announce(subscribers, "the server stopped", (subscriber) => subscriber.destroyed?.());
    },
  };
}
