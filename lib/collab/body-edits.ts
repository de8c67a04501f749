import type { DirectConnection, Hocuspocus } from "@hocuspocus/server";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { updateYFragment } from "@tiptap/y-tiptap";
import { uint32 } from "lib0/random";
import * as Y from "yjs";
import type { DocNode } from "@/lib/editor/document";
import { deriveBody } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { noteSchema } from "@/lib/editor/schema";
import type { CurrentBody } from "./current-body";
import { appendUpdate } from "./note-state";

async function withDirectConnection<T>(hocuspocus: Hocuspocus, noteId: string, userId: string | null, use: (connection: DirectConnection) => Promise<T>) {
  const connection = await hocuspocus.openDirectConnection(noteId, { userId });
  try {
    return await use(connection);
  } finally {
    await connection.disconnect();
  }
}

/**
 * Applies a server-side change to the body through Yjs: editors who have the
 * note open see it at once, and it is in the update log before this resolves.
 */
async function applyEdit(connection: DirectConnection, noteId: string, userId: string | null, edit: (body: Y.XmlFragment) => boolean) {
  let update: Uint8Array | null = null;
  await connection.transact((doc) => {
    // A client id of its own (set before anything is written), so what the
    // server writes is attributed to this user alone.
    doc.clientID = uint32();
    const before = Y.encodeStateVector(doc);
    if (edit(doc.getXmlFragment(BODY_FIELD))) update = Y.encodeStateAsUpdate(doc, before);
  });
  if (update) await appendUpdate(noteId, update, userId);
}

/** Changes a note's body on the server. `edit` returns whether it changed anything. */
export function editNoteBody(hocuspocus: Hocuspocus, noteId: string, userId: string | null, edit: (body: Y.XmlFragment) => boolean) {
  return withDirectConnection(hocuspocus, noteId, userId, (connection) => applyEdit(connection, noteId, userId, edit));
}

/**
 * Makes the body equal to `content`, as one new edit (earlier history stays).
 * `beforeRestore` receives the body as it was, so it can be kept as a revision
 * before anything changes.
 */
export function restoreNoteBody(
  hocuspocus: Hocuspocus,
  noteId: string,
  userId: string,
  content: DocNode,
  beforeRestore: (current: CurrentBody) => Promise<void>,
) {
  const target = ProseMirrorNode.fromJSON(noteSchema(), content);
  return withDirectConnection(hocuspocus, noteId, userId, async (connection) => {
    let current: CurrentBody | undefined;
    await connection.transact((doc) => {
      current = { ...deriveBody(doc), ydoc: Y.encodeStateAsUpdate(doc) };
    });
    await beforeRestore(current!);
    await applyEdit(connection, noteId, userId, (body) => {
      updateYFragment(body.doc!, body, target, { mapping: new Map(), isOMark: new Map() });
      return true;
    });
  });
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
