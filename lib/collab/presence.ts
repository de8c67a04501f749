import type { beforeHandleAwarenessPayload, Extension } from "@hocuspocus/server";
import type { CollabContext } from "./context";
import { userColor } from "./user-color";

/**
 * A client's awareness says who it is, but the server decides: the user shown
 * beside a caret is always the authenticated one, whatever the client claims.
 */
export function presence(): Extension {
  return {
    extensionName: "DossierPresence",
    async beforeHandleAwareness({ states, context }: beforeHandleAwarenessPayload<CollabContext>) {
      if (!context) return;
      for (const [clientId, state] of states) {
        if (!state) continue;
        states.set(clientId, {
          ...state,
          user: { id: context.userId, name: context.userName, color: userColor(context.userId), role: context.role },
        });
      }
    },
  };
}
