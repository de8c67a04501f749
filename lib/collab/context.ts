import type { Role } from "@/db/schema";

/** What a websocket connection proved in onAuthenticate; every later hook reads it. */
export interface CollabContext {
  userId: string;
  userName: string;
  teamId: string;
  noteId: string;
  role: Role;
}

/** Close codes the editor understands (4000–4999 are the application's). */
export const CLOSE_ACCESS_CHANGED = { code: 4403, reason: "access-changed" };
