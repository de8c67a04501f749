import type { Extension } from "@hocuspocus/server";
import { recordRevision } from "@/lib/revisions/create";
import { thinRevisions, type Retention } from "@/lib/revisions/thinning";
import type { RevisionReason } from "@/db/schema";

export interface RevisionTiming {
  /** Quiet time after the last stored edit before an automatic revision. */
  pauseMs: number;
  retention?: Retention;
}

/**
 * Makes revisions: one pending timer per note, restarted by every store, so a
 * revision follows a pause in editing; and one when the last editor leaves.
 * An unchanged note makes none (recordRevision compares with the last one).
 */
export function revisionScheduler(timing: RevisionTiming): Extension {
  const pending = new Map<string, NodeJS.Timeout>();

  const make = async (noteId: string, reason: RevisionReason) => {
    clearTimeout(pending.get(noteId));
    pending.delete(noteId);
    try {
      if (await recordRevision(noteId, { reason })) await thinRevisions(noteId, timing.retention);
    } catch (error) {
      console.error(`revisions: could not record a revision of ${noteId}:`, error);
    }
  };

  return {
    extensionName: "DossierRevisions",
    async afterStoreDocument({ documentName }) {
      clearTimeout(pending.get(documentName));
      const timer = setTimeout(() => void make(documentName, "auto"), timing.pauseMs);
      timer.unref();
      pending.set(documentName, timer);
    },
    async afterUnloadDocument({ documentName }) {
      await make(documentName, "leave");
    },
    async onDestroy() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
