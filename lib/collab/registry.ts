import type { Hocuspocus } from "@hocuspocus/server";
import { CLOSE_ACCESS_CHANGED, type CollabContext } from "./context";

/**
 * The running collaboration server, reachable from route handlers and server
 * actions. server.ts and the Next.js bundle each get their own copy of this
 * module, so the instance lives on globalThis.
 */
const key = Symbol.for("dossier.collab");
type Holder = { [key]?: Hocuspocus<CollabContext> };

export function registerCollab(hocuspocus: Hocuspocus<CollabContext>): void {
  (globalThis as Holder)[key] = hocuspocus;
}

function running(): Hocuspocus<CollabContext> | undefined {
  return (globalThis as Holder)[key];
}

/**
 * Closes a member's open connections to the team's notes, so they
 * authenticate again with their new role (or are refused). Returns how many.
 */
export function closeMemberConnections(teamId: string, userId: string): number {
  const hocuspocus = running();
  if (!hocuspocus) return 0;
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
}
