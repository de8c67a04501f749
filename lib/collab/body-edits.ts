import type { Hocuspocus } from "@hocuspocus/server";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { appendUpdate } from "./note-state";

/**
 * Changes a note's body on the server, through Yjs: editors who have the note
 * open see the change at once, and it is in the update log before this resolves.
 */
export async function editNoteBody(
  hocuspocus: Hocuspocus,
  noteId: string,
  userId: string | null,
  /** Changes the body; returns whether it changed anything. */
  edit: (body: Y.XmlFragment) => boolean,
): Promise<void> {
  const connection = await hocuspocus.openDirectConnection(noteId, { userId });
  try {
    let update: Uint8Array | null = null;
    await connection.transact((doc) => {
      const before = Y.encodeStateVector(doc);
      if (edit(doc.getXmlFragment(BODY_FIELD))) update = Y.encodeStateAsUpdate(doc, before);
    });
    if (update) await appendUpdate(noteId, update, userId);
  } finally {
    await connection.disconnect();
  }
}

export type MentionReplacement = { id: string; label: string } | null;

/** Points mentions of `fromId` at another entity, or (with null) turns them into plain text. */
export function rewriteMentions(body: Y.XmlFragment, fromId: string, to: MentionReplacement): number {
  let changed = 0;
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    parent.toArray().forEach((child, index) => {
      if (!(child instanceof Y.XmlElement)) return;
      // Ids are compared as links are made: without regard to case.
      if (child.nodeName === MENTION_NODE && String(child.getAttribute("id") ?? "").toLowerCase() === fromId.toLowerCase()) {
        changed += 1;
        if (to) {
          child.setAttribute("id", to.id);
          child.setAttribute("label", to.label);
        } else {
          const label = String(child.getAttribute("label") ?? "");
          parent.delete(index, 1);
          parent.insert(index, [new Y.XmlText(label)]);
        }
      } else visit(child);
    });
  };
  visit(body);
  return changed;
}
