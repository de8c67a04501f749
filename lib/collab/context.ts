import type { Role } from "@/db/schema";

/** What a websocket connection proved in onAuthenticate; every later hook reads it. */
export interface CollabContext {
  userId: string;
  /** The sign-in session the token was minted from: signing it out closes the connection. */
  sessionId: string;
  userName: string;
  teamId: string;
  noteId: string;
  role: Role;
}

/** Close codes the editor understands (4000–4999 are the application's). */
export const CLOSE_ACCESS_CHANGED = { code: 4403, reason: "access-changed" };
/** The user signed out (this session, or everywhere): the editor's next token request is refused. */
export const CLOSE_SIGNED_OUT = { code: 4401, reason: "signed-out" };
