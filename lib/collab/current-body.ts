import * as Y from "yjs";
import { deriveBody, type DerivedBody } from "@/lib/editor/derive";
import { notFound } from "@/lib/errors";
import { mergedState, readNoteState } from "./note-state";

/** A note's body with its Yjs state: what an approval, an edition, a revision or an export is made of. */
export type CurrentBody = DerivedBody & { ydoc: Uint8Array };

/**
 * A note's body as it is now: every update acknowledged on any process,
 * whether or not a store has folded it in yet.
 *
 * It is read from the database (the stored state plus the update log), not
 * from a live document. Every update is appended to the log before any
 * process applies or acknowledges it (update-log.ts), so the stored state and
 * the log are the live document of the whole cluster, and one query reads
 * them. A live document on this process may still lack an update another
 * process acknowledged and Redis has not relayed; and opening one only to read
 * it would load the note, subscribe to Redis and, on closing, make a revision.
 * Being a database read, it needs no collaboration server: pages, route
 * handlers and server actions call it directly.
 *
 * With an empty log (nobody editing, or everything stored) the stored columns
 * are the body, derived when it was stored: no Yjs work.
 */
export async function currentBody(noteId: string): Promise<CurrentBody> {
  const state = await readNoteState(noteId);
  if (!state) throw notFound("That note");
  if (state.log.length === 0 && state.ydoc && state.content) return { content: state.content, text: state.text, ydoc: state.ydoc };
  const ydoc = mergedState(state);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, ydoc);
    return { ...deriveBody(doc), ydoc };
  } finally {
    doc.destroy();
  }
}
