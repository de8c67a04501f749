import type { Hocuspocus } from "@hocuspocus/server";
import type { DocNode } from "@/lib/editor/document";
import { editNoteBody, restoreNoteBody, rewriteMentions, type MentionReplacement } from "./body-edits";
import type { Cluster, ClusterMessage, NoteMessage } from "./cluster";
import type { CurrentBody } from "./current-body";
import { CLOSE_ACCESS_CHANGED, CLOSE_SIGNED_OUT, type CollabContext } from "./context";
import { announceTold } from "./note-hooks";
import { openSockets } from "./open-sockets";

export type { NoteMessage } from "./cluster";

/**
 * What route handlers and server actions may ask of the running collaboration
 * server. server.ts and the Next.js bundle each get their own copy of this
 * module (and of Yjs), so server.ts registers these operations, built from its
 * own copies, on globalThis, and the Next.js side only calls them.
 */
export interface CollabOperations {
  closeMemberConnections(teamId: string, userId: string): number;
  closeUserConnections(userId: string, sessionId?: string): number;
  replaceMentions(noteIds: string[], fromId: string, to: MentionReplacement, userId: string): Promise<void>;
  restoreBody(noteId: string, userId: string, content: DocNode, beforeRestore: (current: CurrentBody) => Promise<void>): Promise<void>;
  tellEditors(noteId: string, message: NoteMessage): void;
  closeNote(noteId: string): void;
}

const key = Symbol.for("dossier.collab");
type Holder = { [key]?: CollabOperations };

/**
 * Acts on this process' own connections; returns how many it closed. Every
 * process runs this for a cluster message, so it must not go through
 * Hocuspocus' Redis relay again (hence sendStateless, not broadcastStateless).
 */
export function actLocally(hocuspocus: Hocuspocus<CollabContext>, message: ClusterMessage): number {
  switch (message.kind) {
    case "close-member":
      // Close the socket, not just the note: the provider then reconnects and
      // authenticates again, and is let in (or not) under the new role. Sockets
      // whose note is still loading are among them.
      return openSockets(hocuspocus).close(
        (grant) => grant.userId === message.userId && (grant.teamId ?? message.teamId) === message.teamId,
        CLOSE_ACCESS_CHANGED,
      );
    case "close-user":
      return openSockets(hocuspocus).close(
        (grant) => grant.userId === message.userId && (message.sessionId === undefined || grant.sessionId === message.sessionId),
        CLOSE_SIGNED_OUT,
      );
    case "close-note":
      hocuspocus.closeConnections(message.noteId);
      return 0;
    case "tell-editors":
      // Every process hears it here: subscribers that keep what they know of a note learn it changed.
      announceTold(hocuspocus, message.noteId, message.message);
      for (const connection of hocuspocus.documents.get(message.noteId)?.getConnections() ?? []) connection.sendStateless(message.message);
      return 0;
  }
}

/** The operations of one collaboration server; with a cluster, messages reach every process. */
export function collabOperations(hocuspocus: Hocuspocus<CollabContext>, cluster?: Cluster): CollabOperations {
  const everywhere = (message: ClusterMessage) => {
    cluster?.publish(message);
    return actLocally(hocuspocus, message);
  };
  return {
    closeMemberConnections: (teamId, userId) => everywhere({ kind: "close-member", teamId, userId }),
    closeUserConnections: (userId, sessionId) => everywhere({ kind: "close-user", userId, sessionId }),
    closeNote: (noteId) => void everywhere({ kind: "close-note", noteId }),
    tellEditors: (noteId, message) => void everywhere({ kind: "tell-editors", noteId, message }),
    async replaceMentions(noteIds, fromId, to, userId) {
      // Through Yjs on this process; the Redis extension carries the change to the others.
      for (const noteId of noteIds) await editNoteBody(hocuspocus, noteId, userId, (body) => rewriteMentions(body, fromId, to) > 0);
    },
    restoreBody: (noteId, userId, content, beforeRestore) => restoreNoteBody(hocuspocus, noteId, userId, content, beforeRestore),
  };
}

/** Makes these the process' operations; the function returned takes them away again (a stopped server). */
export function registerCollab(operations: CollabOperations): () => void {
  const holder = globalThis as Holder;
  holder[key] = operations;
  return () => {
    if (holder[key] === operations) delete holder[key];
  };
}

/**
 * The running server's operations. Every one throws without a server: a
 * revocation or a deletion that reached no open editor must not pass for done.
 */
function collab(): CollabOperations {
  const operations = (globalThis as Holder)[key];
  if (!operations) throw new Error("The collaboration server is not running in this process.");
  return operations;
}

/** Closes a member's open sockets to the team's notes, on every process. Returns how many on this one. */
export function closeMemberConnections(teamId: string, userId: string): number {
  return collab().closeMemberConnections(teamId, userId);
}

/**
 * Closes a user's open connections on every process: those of one session
 * (signing out), or all of them (signing out everywhere). Returns how many on this one.
 */
export function closeUserConnections(userId: string, sessionId?: string): number {
  return collab().closeUserConnections(userId, sessionId);
}

/** Rewrites mentions of an entity in these notes' bodies, through Yjs. */
export function replaceMentions(noteIds: string[], fromId: string, to: MentionReplacement, userId: string): Promise<void> {
  return collab().replaceMentions(noteIds, fromId, to, userId);
}

/** Makes a note's body equal to `content` through Yjs, after `beforeRestore` has kept the current body. */
export function restoreBody(noteId: string, userId: string, content: DocNode, beforeRestore: (current: CurrentBody) => Promise<void>) {
  return collab().restoreBody(noteId, userId, content, beforeRestore);
}

/** Tells everyone who has the note open, on any process, that something beside the text changed. */
export function tellEditors(noteId: string, message: NoteMessage): void {
  collab().tellEditors(noteId, message);
}

/** Closes every connection to a note, on every process (it is being deleted). */
export function closeNote(noteId: string): void {
  collab().closeNote(noteId);
}
