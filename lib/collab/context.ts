import type { Role } from "@/db/schema";
import type { CollabIdentity } from "./collab-token";

/** What a websocket connection proved in onAuthenticate; every later hook reads it. */
export interface CollabContext {
  userId: string;
  /** The sign-in session the token was minted from: signing it out closes the connection. */
  sessionId: string;
  userName: string;
  teamId: string;
  noteId: string;
  role: Role;
  /** What the connection may do to the body: edit it, add and remove its user's own suggestions only, or read it. */
  mode: BodyMode;
}

/** Editing, Suggesting (a reviewer: the update guard lets through only their own suggestions) or reading. */
export type BodyMode = "edit" | "suggest" | "read";

/** What a user may do with a note's collaborative document now, or why they may not open it. */
export type NoteAccess =
  | { allowed: true; userName: string; teamId: string; role: Role; mode: BodyMode }
  | { allowed: false; reason: "unauthenticated" | "not-found" };

/**
 * Reads a user's access to a note from the database (lib/notes/collab-access.ts),
 * given to the server where it starts: asked when a connection authenticates
 * and again once it is attached to the loaded note.
 */
export type NoteAccessCheck = (identity: CollabIdentity, noteId: string) => Promise<NoteAccess>;

/** Close codes the editor understands (4000–4999 are the application's). */
export const CLOSE_ACCESS_CHANGED = { code: 4403, reason: "access-changed" };
/** The user signed out (this session, or everywhere): the editor's next token request is refused. */
export const CLOSE_SIGNED_OUT = { code: 4401, reason: "signed-out" };
/**
 * The database failed while serving the socket (an update could not be logged,
 * access could not be read): the provider reconnects with its backoff and
 * sends what is unacknowledged again. Only the whole socket's close makes it
 * do so; a note's connection closed alone leaves the editor waiting for ever.
 */
export const CLOSE_DATABASE_UNAVAILABLE = { code: 4503, reason: "database-unavailable" };
