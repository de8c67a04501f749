import type { beforeHandleAwarenessPayload, Extension } from "@hocuspocus/server";
import type { CollabContext } from "./context";
import { userColor } from "./user-color";

/**
 * A client's awareness says who it is, but the server decides: the user shown
 * beside a caret is always the authenticated one, whatever the client claims.
 * A connection speaks only for its own Yjs clients: a state is dropped for a
 * client id that another connection to the note announced, or that the note's
 * awareness shows as another user's (a client on another process, relayed by
 * Redis). Otherwise anyone could move someone else's caret and relabel it (and
 * overwrite that client's own awareness, which Yjs replaces when a newer state
 * for it arrives).
 */
export function presence(): Extension {
  return {
    extensionName: "DossierPresence",
    async beforeHandleAwareness({ states, context, connection, document }: beforeHandleAwarenessPayload<CollabContext>) {
      if (!context) return;
      const othersClients = new Set(document.getConnections().flatMap((other) => (other === connection ? [] : [...document.getClients(other)])));
      const shownAsAnotherUser = (clientId: number) => {
        const shown = document.awareness.getStates().get(clientId)?.user as { id?: unknown } | undefined;
        return shown?.id !== undefined && shown.id !== context.userId;
      };
      for (const [clientId, state] of states) {
        if (othersClients.has(clientId) || shownAsAnotherUser(clientId)) {
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
