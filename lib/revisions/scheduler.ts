import type { RevisionReason } from "@/db/schema";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import type { Retention } from "@/lib/config";
import { recordRevision } from "./create";
import { thinRevisions } from "./thinning";

export interface RevisionTiming {
  /** Quiet time after the last stored edit before an automatic revision. */
  pauseMs: number;
  retention?: Retention;
}

/**
 * Makes revisions of notes being edited: one pending timer per note,
 * restarted by every store, so a revision follows a pause in editing; and one
 * when the last editor leaves. An unchanged note makes none (recordRevision
 * compares with the last one). Subscribed to the collaboration server's
 * stores and unloads.
 */
export function revisionScheduling(timing: RevisionTiming = { pauseMs: 3 * 60_000 }): NoteSubscriber {
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
    stored(noteId) {
      clearTimeout(pending.get(noteId));
      const timer = setTimeout(() => void make(noteId, "auto"), timing.pauseMs);
      timer.unref();
      pending.set(noteId, timer);
    },
    unloaded: (noteId) => make(noteId, "leave"),
    destroyed() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
