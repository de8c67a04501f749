import type { Extension, onAuthenticatePayload } from "@hocuspocus/server";
import { z } from "zod";
import { can } from "@/lib/auth/policy";
import { verifyCollabToken } from "@/lib/auth/collab-token";
import { isSessionActive } from "@/lib/auth/sessions";
import { roleInTeam } from "@/lib/teams/queries";
import { findNote } from "@/lib/notes/queries";
import { findUserById } from "@/lib/users/queries";
import type { CollabContext } from "./context";

const noteId = z.uuid();

/** Refusals carry a reason the editor can show; they never say whether a note exists elsewhere. */
const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

/**
 * Refuses by default: a connection is let in only with a valid token from a
 * session that is still open, for a note of a team the user belongs to, with
 * a role that may read drafts. Reviewers are let in read-only.
 */
export function authentication(secret: string): Extension {
  return {
    extensionName: "DossierAuthentication",
    async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
      const identity = token ? await verifyCollabToken(token, secret) : null;
      // A token outlives the request that minted it: its session may have been signed out since.
      if (!identity || !(await isSessionActive(identity.sessionId, identity.userId))) throw refuse("unauthenticated");
      const user = await findUserById(identity.userId);
      if (!user) throw refuse("unauthenticated");

      const parsed = noteId.safeParse(documentName);
      const note = parsed.success ? await findNote(parsed.data) : undefined;
      const role = note ? await roleInTeam(user.id, note.teamId) : undefined;
      if (!note || !role || !can.readDrafts(role)) throw refuse("not-found");

      connectionConfig.readOnly = !can.editNotes(role);
      return { userId: user.id, sessionId: identity.sessionId, userName: user.name, teamId: note.teamId, noteId: note.id, role };
    },
  };
}
