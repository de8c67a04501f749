import type { Hocuspocus } from "@hocuspocus/server";
import type { ProseMirrorJSON } from "@/lib/editor/derive";
import { editNoteBody, readLiveBody, restoreNoteBody, rewriteMentions, type LiveBody, type MentionReplacement } from "./body-edits";
import { CLOSE_ACCESS_CHANGED, type CollabContext } from "./context";

/**
 * What route handlers and server actions may ask of the running collaboration
 * server. server.ts and the Next.js bundle each get their own copy of this
 * module (and of Yjs), so server.ts registers these operations, built from its
 * own copies, on globalThis, and the Next.js side only calls them.
 */
export interface CollabOperations {
  closeMemberConnections(teamId: string, userId: string): number;
  replaceMentions(noteIds: string[], fromId: string, to: MentionReplacement, userId: string): Promise<void>;
  restoreBody(noteId: string, userId: string, content: ProseMirrorJSON, beforeRestore: (current: LiveBody) => Promise<void>): Promise<void>;
  tellEditors(noteId: string, message: NoteMessage): void;
  liveBody(noteId: string): Promise<LiveBody>;
  closeNote(noteId: string): void;
}

/** What the server tells the editors of a note (as a stateless message), so they refresh that part. */
export type NoteMessage = "comments" | "review";

const key = Symbol.for("dossier.collab");
type Holder = { [key]?: CollabOperations };

function operationsOf(hocuspocus: Hocuspocus<CollabContext>): CollabOperations {
  return {
    closeMemberConnections(teamId, userId) {
      let closed = 0;
      for (const document of hocuspocus.documents.values()) {
        for (const connection of document.getConnections()) {
          const context = connection.context as CollabContext | undefined;
          if (context?.userId === userId && context.teamId === teamId) {
            // Close the socket, not just the document: the provider then reconnects
            // and authenticates again, and is let in (or not) under the new role.
            connection.webSocket.close(CLOSE_ACCESS_CHANGED.code, CLOSE_ACCESS_CHANGED.reason);
            closed += 1;
          }
        }
      }
      return closed;
    },
    async replaceMentions(noteIds, fromId, to, userId) {
      for (const noteId of noteIds) await editNoteBody(hocuspocus, noteId, userId, (body) => rewriteMentions(body, fromId, to) > 0);
    },
    restoreBody: (noteId, userId, content, beforeRestore) => restoreNoteBody(hocuspocus, noteId, userId, content, beforeRestore),
    liveBody: (noteId) => readLiveBody(hocuspocus, noteId),
    closeNote: (noteId) => hocuspocus.closeConnections(noteId),
    tellEditors(noteId, message) {
      // With Redis, Hocuspocus carries stateless messages to the other processes too.
      hocuspocus.documents.get(noteId)?.broadcastStateless(message);
    },
  };
}

export function registerCollab(hocuspocus: Hocuspocus<CollabContext>): void {
  (globalThis as Holder)[key] = operationsOf(hocuspocus);
}

function collab(): CollabOperations {
  const operations = (globalThis as Holder)[key];
  if (!operations) throw new Error("The collaboration server is not running in this process.");
  return operations;
}

/** Closes a member's open connections to the team's notes. Returns how many. */
export function closeMemberConnections(teamId: string, userId: string): number {
  return (globalThis as Holder)[key]?.closeMemberConnections(teamId, userId) ?? 0;
}

/** Rewrites mentions of an entity in these notes' bodies, through Yjs. */
export function replaceMentions(noteIds: string[], fromId: string, to: MentionReplacement, userId: string): Promise<void> {
  return collab().replaceMentions(noteIds, fromId, to, userId);
}

/** Makes a note's body equal to `content` through Yjs, after `beforeRestore` has kept the current body. */
export function restoreBody(noteId: string, userId: string, content: ProseMirrorJSON, beforeRestore: (current: LiveBody) => Promise<void>) {
  return collab().restoreBody(noteId, userId, content, beforeRestore);
}

/** Tells everyone who has the note open that something beside the text changed. */
export function tellEditors(noteId: string, message: NoteMessage): void {
  (globalThis as Holder)[key]?.tellEditors(noteId, message);
}

/** The note's body as its editors see it now (stored or not): what an approval or an edition is bound to. */
export function liveBody(noteId: string): Promise<LiveBody> {
  return collab().liveBody(noteId);
}

/** Closes every connection to a note (it is being deleted). */
export function closeNote(noteId: string): void {
  (globalThis as Holder)[key]?.closeNote(noteId);
}
