import { expect, type APIRequestContext } from "@playwright/test";
import * as Y from "yjs";
import { BODY_FIELD } from "../../lib/editor/extensions";
import { SUGGESTED_DELETION, SUGGESTED_INSERTION } from "../../lib/editor/suggestions/model";
import { decodeServerMessage, frames, type ServerMessage } from "../../lib/testing/collab-frames";

/** One suggestion: insert words after some text, or strike some text, or both (a replacement). */
export interface SuggestionSpec {
  id: string;
  /** The words it starts at: a deletion strikes them, an insertion goes after them. */
  at: string;
  insert?: string;
  strike?: boolean;
}

/** A paragraph's text as a reader sees it (formatting attributes left out). */
const plainOf = (text: Y.XmlText) => (text.toDelta() as { insert: unknown }[]).map((part) => (typeof part.insert === "string" ? part.insert : "")).join("");

/** The collaboration token's subject: the user the session is. */
const subjectOf = (token: string) => (JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as { sub: string }).sub;

/**
 * The signed-in user's own collaboration socket to a note, outside the
 * browser, once the server has sent the note's state: what the server says
 * is kept in `received`.
 */
export async function openNoteSocket(request: APIRequestContext, baseURL: string, noteId: string) {
  const answer = await request.post("/api/collab-token", { headers: { origin: baseURL } });
  expect(answer.ok()).toBe(true);
  const { token } = (await answer.json()) as { token: string };
  const socket = new WebSocket(`${baseURL.replace(/^http/, "ws")}/collab`);
  socket.binaryType = "arraybuffer";
  const received: ServerMessage[] = [];
  socket.addEventListener("message", (event) => received.push(decodeServerMessage(new Uint8Array(event.data as ArrayBuffer))));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  socket.send(frames.auth(noteId, token));
  socket.send(frames.syncStep1(noteId, new Y.Doc()));
  await expect.poll(() => received.some((message) => message.kind === "sync-step-2")).toBe(true);
  return { socket, received, author: subjectOf(token) };
}

/**
 * Makes suggestions in a note as the signed-in user's own client would: over
 * the collaboration socket, with their token, each stamped with their id. A
 * reviewer's update guard lets exactly these through.
 */
export async function suggestOverSocket(request: APIRequestContext, baseURL: string, noteId: string, specs: SuggestionSpec[]) {
  const { socket, received, author } = await openNoteSocket(request, baseURL, noteId);
  try {
    const copy = new Y.Doc();
    for (const message of received) if (message.kind === "sync-step-2") Y.applyUpdate(copy, message.update);
    const before = Y.encodeStateVector(copy);

    copy.transact(() => {
      for (const spec of specs) {
        const stamp = { id: spec.id, author, at: new Date().toISOString() };
        const text = copy
          .getXmlFragment(BODY_FIELD)
          .toArray()
          .flatMap((block) => (block instanceof Y.XmlElement && block.get(0) instanceof Y.XmlText ? [block.get(0) as Y.XmlText] : []))
          .find((candidate) => plainOf(candidate).includes(spec.at));
        if (!text) throw new Error(`"${spec.at}" is not in the note`);
        const from = plainOf(text).indexOf(spec.at);
        if (spec.strike) text.format(from, spec.at.length, { [SUGGESTED_DELETION]: stamp });
        if (spec.insert) text.insert(from + spec.at.length, spec.insert, { [SUGGESTED_INSERTION]: stamp });
      }
    });
    const saved = received.length;
    socket.send(frames.update(noteId, Y.encodeStateAsUpdate(copy, before)));
    // Acknowledged once it is in the update log (a refused update closes the socket instead).
    await expect.poll(() => received.slice(saved).some((message) => message.kind === "sync-status" && message.saved)).toBe(true);
  } finally {
    socket.close();
  }
}
