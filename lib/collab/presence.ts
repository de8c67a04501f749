import type { beforeHandleAwarenessPayload, Extension } from "@hocuspocus/server";
import { z } from "zod";
import type { CollabContext } from "./context";
import { colorOnNote } from "./user-color";

/** A Yjs relative position as y-prosemirror puts it in awareness (JSON of Y.RelativePosition). */
const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });
const relativePosition = z.object({ type: yId.nullish(), tname: z.string().max(200).nullish(), item: yId.nullish(), assoc: z.number().int().optional() });
/** The caret and selection y-prosemirror's cursor plugin shares; anything else in it is dropped. */
const caret = z.object({ anchor: relativePosition, head: relativePosition }).nullable();

/** What a read-only connection may say about itself: where its caret is, nothing more. */
function readOnlyFields(state: Record<string, unknown>): Record<string, unknown> {
  return "cursor" in state ? { cursor: caret.safeParse(state.cursor).data ?? null } : {};
}

/**
 * A client's awareness says who it is, but the server decides: the user shown
 * beside a caret is always the authenticated one, whatever the client claims.
 * A connection speaks only for its own Yjs clients: a state is dropped for a
 * client id that another connection to the note announced, or that the note's
 * awareness shows as another user's (a client on another process, relayed by
 * Redis). Otherwise anyone could move someone else's caret and relabel it (and
 * overwrite that client's own awareness, which Yjs replaces when a newer state
 * for it arrives). A read-only connection shares only its caret, as what the
 * editor draws of others is a caret and a name; a reviewer's connection may
 * suggest, so it shares a presence as an editor's does.
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
      // Everyone shown on the note now (on every process): a colour of their own each, while there are colours to spare.
      const shownUsers = [...document.awareness.getStates().values()].flatMap((state) => (state.user && typeof state.user === "object" ? [state.user as { id?: unknown; color?: unknown }] : []));
      for (const [clientId, state] of states) {
        if (othersClients.has(clientId) || shownAsAnotherUser(clientId)) {
          states.delete(clientId);
          continue;
        }
        if (!state) continue;
        states.set(clientId, {
          ...(connection?.readOnly ? readOnlyFields(state) : state),
          user: { id: context.userId, name: context.userName, color: colorOnNote(context.userId, shownUsers), role: context.role },
        });
      }
    },
  };
}
