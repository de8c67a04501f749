import type { beforeSyncPayload, Extension } from "@hocuspocus/server";
import { carriesChanges } from "./update-log";
import { findUpdateProblem } from "./update-check";

/**
 * Refuses, before the update log sees it, an update that cannot be decoded or
 * that gives the body a shape the editor cannot read. Hocuspocus then closes
 * that connection to the note: nothing is logged, applied or sent to others.
 */
export function updateGuard(): Extension {
  return {
    extensionName: "DossierUpdateGuard",
    async beforeSync({ connection, type, payload, document }: beforeSyncPayload) {
      if (connection.readOnly || !carriesChanges(type, payload)) return;
      const problem = findUpdateProblem(document, payload);
      if (problem) throw Object.assign(new Error(`refused an update: ${problem}`), { reason: "invalid-update" });
    },
  };
}
