import type { beforeSyncPayload, Extension } from "@hocuspocus/server";
import type { CollabContext } from "./context";
import { findSuggestionProblem } from "./suggestion-check";
import { carriesChanges } from "./update-log";
import { findUpdateProblem } from "./update-check";

/**
 * Refuses, before the update log sees it, an update that cannot be decoded or
 * that gives the body a shape the editor cannot read. Hocuspocus then closes
 * that connection to the note: nothing is logged, applied or sent to others.
 * A connection that may only suggest has its updates checked further: they
 * may add or withdraw its user's own suggestions and nothing else.
 */
export function updateGuard(): Extension {
  return {
    extensionName: "DossierUpdateGuard",
    async beforeSync({ connection, type, payload, document, context }: beforeSyncPayload<CollabContext>) {
      if (connection.readOnly || !carriesChanges(type, payload)) return;
      const problem = findUpdateProblem(document, payload) ?? (context.mode !== "edit" ? findSuggestionProblem(document, payload, context.userId) : null);
      if (problem) throw Object.assign(new Error(`refused an update: ${problem}`), { reason: "invalid-update" });
    },
  };
}
