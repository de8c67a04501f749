import { expect, test } from "@playwright/test";
import * as Y from "yjs";
import { decodeServerMessage, frames, type ServerMessage } from "../lib/testing/collab-frames";
import { insertNestedQuotes } from "../lib/testing/body-updates";
import { BODY_FIELD } from "../lib/editor/extensions";
import { createNote, NotePage, signedInAs } from "./support/pages";

/** A websocket that speaks the collaboration protocol as a hostile client would, with the analyst's own token. */
async function openHostileSocket(url: string) {
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  const received: ServerMessage[] = [];
  let closed = false;
  socket.addEventListener("message", (event) => received.push(decodeServerMessage(new Uint8Array(event.data as ArrayBuffer))));
  socket.addEventListener("close", () => (closed = true));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  return { socket, received, isClosed: () => closed };
}

test("a co-editor's update nesting 3,000 blockquotes is refused, and the note survives the next keystroke", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Nested too deep");
  await note.typeAtEnd("A note worth keeping.");
  await note.expectSaved();
  const noteId = analyst.page.url().split("/").pop()!;

  // The same analyst, from a client of their own making.
  const tokenAnswer = await analyst.context.request.post("/api/collab-token", { headers: { origin: baseURL! } });
  expect(tokenAnswer.ok()).toBe(true);
  const { token } = (await tokenAnswer.json()) as { token: string };
  const hostile = await openHostileSocket(`${baseURL!.replace(/^http/, "ws")}/collab`);
  hostile.socket.send(frames.auth(noteId, token));
  hostile.socket.send(frames.syncStep1(noteId, new Y.Doc()));
  await expect.poll(() => hostile.received.some((message) => message.kind === "sync-step-2")).toBe(true);
  const copy = new Y.Doc();
  for (const message of hostile.received) if (message.kind === "sync-step-2") Y.applyUpdate(copy, message.update);
  const before = Y.encodeStateVector(copy);
  insertNestedQuotes(copy.getXmlFragment(BODY_FIELD), 1, 3_000);
  hostile.socket.send(frames.update(noteId, Y.encodeStateAsUpdate(copy, before)));
  // Hocuspocus closes the connection that sent an update the guard refused.
  await expect.poll(() => hostile.isClosed() || hostile.received.some((message) => message.kind === "close")).toBe(true);

  await note.typeAtEnd(" And one more sentence.");
  await note.expectSaved();
  await analyst.page.reload();
  const reopened = new NotePage(analyst.page);
  await reopened.expectText("A note worth keeping. And one more sentence.");
  await analyst.context.close();
});
