import type { beforeHandleAwarenessPayload, Extension } from "@hocuspocus/server";
import type { CollabContext } from "./context";
import { userColor } from "./user-color";

/**
 * A client's awareness says who it is, but the server decides: the user shown
 * beside a caret is always the authenticated one, whatever the client claims.
 * A connection speaks only for its own Yjs clients: a state for a client id
 * that another connection to the note announced is dropped, or anyone could
 * move someone else's caret and relabel it (and overwrite that client's own
 * awareness, which Yjs replaces when a newer state for it arrives).
 */
export function presence(): Extension {
  return {
    extensionName: "DossierPresence",
    async beforeHandleAwareness({ states, context, connection, document }: beforeHandleAwarenessPayload<CollabContext>) {
      if (!context) return;
      const othersClients = new Set(document.getConnections().flatMap((other) => (other === connection ? [] : [...document.getClients(other)])));
      for (const [clientId, state] of states) {
        if (othersClients.has(clientId)) {
          states.delete(clientId);
          continue;
        }
        if (!state) continue;
        states.set(clientId, {
          ...state,
          user: { id: context.userId, name: context.userName, color: userColor(context.userId), role: context.role },
        });
      }
    },
  };
}
