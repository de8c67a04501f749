import { expect, test, type APIRequestContext } from "@playwright/test";
import * as Y from "yjs";
import { DEMO_USERS } from "../lib/demo/accounts";
import { BODY_FIELD } from "../lib/editor/extensions";
import { frames } from "../lib/testing/collab-frames";
import { createNote, signedInAs } from "./support/pages";
import { openNoteSocket } from "./support/suggestions";

/**
 * A reviewer's own collaboration socket, outside the browser, to put a
 * suggestion in the body (and withdraw it) as their editor would send it.
 */
async function reviewerSocket(request: APIRequestContext, baseURL: string, noteId: string) {
  const { socket, received } = await openNoteSocket(request, baseURL, noteId);
  const doc = new Y.Doc();
  for (const message of received) if (message.kind === "sync-step-2" || message.kind === "update") Y.applyUpdate(doc, message.update);
  const saved = () => received.filter((message) => message.kind === "sync-status" && message.saved).length;
  const refused = () => received.some((message) => message.kind === "close" || message.kind === "permission-denied");
  return {
    doc,
    /** Sends what `change` does to the body, and waits until the server has stored it. */
    async send(change: (body: Y.XmlFragment) => void) {
      const before = Y.encodeStateVector(doc);
      const savedBefore = saved();
      change(doc.getXmlFragment(BODY_FIELD));
      socket.send(frames.update(noteId, Y.encodeStateAsUpdate(doc, before)));
      await expect.poll(() => refused() || saved() > savedBefore).toBe(true);
      expect(refused()).toBe(false);
    },
    close: () => socket.close(),
  };
}

/** The text of the body's paragraph that holds `words`, and where they start in it. */
function findWords(body: Y.XmlFragment, words: string): { text: Y.XmlText; index: number } {
  for (const block of body.toArray()) {
    if (!(block instanceof Y.XmlElement)) continue;
    for (const child of block.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      const plain = (child.toDelta() as { insert: unknown }[]).map((part) => (typeof part.insert === "string" ? part.insert : "")).join("");
      const index = plain.indexOf(words);
      if (index >= 0) return { text: child, index };
    }
  }
  throw new Error(`No paragraph holds “${words}”.`);
}

test("a note with an open suggestion: approving asks to carry it, publishing refuses until it is resolved, and the edition holds no suggestion", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const title = `Vienna talks ${Date.now().toString(36)}`;
  const note = await createNote(analyst.page, title);
  const noteUrl = analyst.page.url();
  const noteId = noteUrl.split("/").pop()!;
  await note.typeAtEnd("Talks may resume on Monday.");
  await note.expectSaved();
  await analyst.page.getByRole("button", { name: "Request review" }).click();
  await expect(analyst.page.getByText("from any reviewer")).toBeVisible();

  // The reviewer suggests replacing "may" with "will", from their own socket.
  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  const { user } = (await (await reviewer.context.request.get("/api/auth/session")).json()) as { user: { id: string } };
  const stamp = { id: "e2eSuggestion01", author: user.id, at: new Date().toISOString().replace(/\.\d+Z$/, ".000Z") };
  const socket = await reviewerSocket(reviewer.context.request, baseURL!, noteId);
  await socket.send((body) => {
    const { text, index } = findWords(body, "may");
    text.format(index, "may".length, { suggestedDeletion: stamp });
    text.insert(index + "may".length, "will", { suggestedInsertion: stamp });
  });

  // The reviewer sees it listed, and approving asks to carry it.
  await reviewer.page.goto(noteUrl);
  const listed = reviewer.page.getByTestId("open-suggestions");
  await expect(listed).toContainText("1 open suggestion");
  await expect(listed).toContainText(`Replace “may” with “will” · ${DEMO_USERS.reviewer.name}`);
  const carry = reviewer.page.getByTestId("carry-suggestions");
  await expect(carry).toContainText("Resolve it first, or approve and carry 1 open suggestion.");
  await expect(carry).toContainText("Carried suggestions must be resolved before publishing; resolving them changes the text, which will need approval again.");
  const approve = reviewer.page.getByRole("button", { name: "Approve", exact: true });
  await expect(approve).toBeDisabled();
  await reviewer.page.getByLabel("Approve and carry 1 open suggestion").check();
  await approve.click();
  await expect(reviewer.page.getByTestId("approval")).toBeVisible();
  await expect(reviewer.page.getByTestId("carried-suggestions")).toContainText("Approved carrying 1 open suggestion.");

  // Approved, but publishing refuses while the suggestion is open.
  await analyst.page.reload();
  await expect(analyst.page.getByTestId("publish-suggestions")).toHaveText("Resolve the open suggestion before publishing: accept or reject it.");
  await expect(analyst.page.getByRole("button", { name: "Publish edition 1" })).toBeDisabled();

  // The draft's export is the text before the suggestion, or with it accepted when asked.
  const exported = await (await analyst.context.request.get(`/t/demo/notes/${noteId}/export?format=md`)).text();
  expect(exported).toContain("Talks may resume on Monday.");
  expect(exported).not.toContain("will");
  const accepted = await (await analyst.context.request.get(`/t/demo/notes/${noteId}/export?format=md&suggestions=accept`)).text();
  expect(accepted).toContain("Talks will resume on Monday.");

  // The reviewer withdraws it (a rejection): the text changed since the approval, which must be given again.
  await socket.send((body) => {
    const { text, index } = findWords(body, "maywill");
    text.delete(index + "may".length, "will".length);
    text.format(index, "may".length, { suggestedDeletion: null });
  });
  socket.close();
  await expect(async () => {
    await analyst.page.reload();
    await expect(analyst.page.getByTestId("changed-since-approval")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(analyst.page.getByTestId("open-suggestions")).toHaveCount(0);
  await analyst.page.getByRole("button", { name: "Request review" }).click();
  await expect(analyst.page.getByText("from any reviewer")).toBeVisible();
  await reviewer.page.goto(noteUrl);
  await expect(reviewer.page.getByTestId("carry-suggestions")).toHaveCount(0);
  await reviewer.page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(reviewer.page.getByTestId("approval")).toBeVisible();

  await analyst.page.reload();
  await analyst.page.getByRole("button", { name: "Publish edition 1" }).click();
  await expect(analyst.page.getByRole("status").filter({ hasText: "Published as edition 1" })).toBeVisible();
  await analyst.page.getByRole("link", { name: "Read it" }).click();
  const brief = analyst.page.locator(".brief-body");
  await expect(brief).toHaveText("Talks may resume on Monday.");
  await expect(brief.locator(".suggested-insertion, .suggested-deletion, .suggested-format, .suggested-block, ins, del")).toHaveCount(0);
  await analyst.context.close();
  await reviewer.context.close();
});
