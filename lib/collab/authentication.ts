import type { beforeHandleMessagePayload, connectedPayload, Connection, Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { verifyCollabToken } from "./collab-token";
import { CLOSE_ACCESS_CHANGED, CLOSE_DATABASE_UNAVAILABLE, type CollabContext, type NoteAccessCheck } from "./context";
import { openSockets } from "./open-sockets";

/** Refusals carry a reason the editor can show; they never say whether a note exists elsewhere. */
const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

/**
 * Refuses by default: a connection is let in only with a valid token from a
 * session that is still open, for a note of a team the user belongs to, with
 * a role that may read drafts. Reviewers are let in to suggest only (the
 * update guard sees to it), anyone who may not suggest read-only. `noteAccess`
 * (given where the server starts) reads all but the token from the database.
 *
 * Hocuspocus says "authenticated" before the note has loaded and attaches the
 * connection to it only after, so access is read twice: here, and again once
 * the connection is attached, before any of its messages is handled. A
 * revocation or sign-out that commits before the second read is seen by it;
 * one that commits after finds the connection attached (or, before that,
 * among the open sockets, recorded before the first read).
 */
export function authentication(secret: string, noteAccess: NoteAccessCheck): Extension {
  const confirmations = new WeakMap<Connection, Promise<boolean>>();
  const confirmed = (connection: Connection) => {
    let confirmation = confirmations.get(connection);
    if (!confirmation) {
      confirmation = stillAllowed(connection, noteAccess);
      confirmations.set(connection, confirmation);
    }
    return confirmation;
  };

  return {
    extensionName: "DossierAuthentication",
    async onAuthenticate({ token, documentName, connectionConfig, request, instance }: onAuthenticatePayload): Promise<CollabContext> {
      const identity = token ? await verifyCollabToken(token, secret) : null;
      if (!identity) throw refuse("unauthenticated");
      const sockets = openSockets(instance);
      const grant = sockets.claim(request, identity, documentName);
      if (!grant) throw refuse("unauthenticated");

      const access = await noteAccess(identity, documentName).catch((error: unknown) => {
        // Not a refusal: the editor tries again (a denial would leave it refused until a reload).
        sockets.closeSocket(request, CLOSE_DATABASE_UNAVAILABLE);
        throw error;
      });
      if (!access.allowed) {
        sockets.release(request, grant);
        throw refuse(access.reason);
      }
      grant.teamId = access.teamId;
      connectionConfig.readOnly = access.mode === "read";
      return { userId: identity.userId, sessionId: identity.sessionId, userName: access.userName, teamId: access.teamId, noteId: documentName, role: access.role, mode: access.mode };
    },
    async connected({ connection }: connectedPayload<CollabContext>) {
      await confirmed(connection);
    },
    async beforeHandleMessage({ connection }: beforeHandleMessagePayload<CollabContext>) {
      // Messages sent while the note loaded are handled right after it is attached: none before the check.
      if (!(await confirmed(connection))) throw Object.assign(new Error("access changed while the note loaded"), CLOSE_ACCESS_CHANGED);
    },
  };
}

/**
 * Whether the attached connection's access is still what it was let in with;
 * if not, its socket is closed, so the provider authenticates again under
 * the access it has now.
 */
async function stillAllowed(connection: Connection, noteAccess: NoteAccessCheck): Promise<boolean> {
  const context = connection.context as CollabContext;
  const access = await noteAccess(context, context.noteId).catch((error: unknown) => {
    console.error(`collab: could not check access to note ${context.noteId} again:`, error);
    return undefined;
  });
  const unchanged = access?.allowed === true && access.teamId === context.teamId && access.mode === context.mode;
  if (!unchanged) connection.webSocket.close(CLOSE_ACCESS_CHANGED.code, CLOSE_ACCESS_CHANGED.reason);
  return unchanged;
}

