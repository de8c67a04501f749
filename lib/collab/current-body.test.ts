import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { revisions } from "@/db/schema";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { approvalState, decideReview, latestReview, requestReview } from "@/lib/review/workflow";
import { compareVersions } from "@/lib/revisions/compare";
import { saveNamedVersion } from "@/lib/revisions/queries";
import { appendParagraph, eventually, startCollabServer, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { currentBody } from "./current-body";
import { pendingUpdateCount } from "./note-state";

useTestDatabase();
// Stores wait a minute: an acknowledged edit stays in the update log, not yet in the note's row.
const collab = useCollabServer({ debounce: 60_000 });

const APPROVED_TEXT = "Iran says the Bushehr reactor is safe.";

async function noteInReview(text: string) {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(team.id, analyst.id, paragraphs(text));
  await requestReview(note, analyst.id, []);
  return { analyst, reviewer, note: (await findNote(note.id))! };
}

async function approvedNote() {
  const { analyst, reviewer, note } = await noteInReview(APPROVED_TEXT);
  await decideReview(note, reviewer.id, "approve", "");
  return { analyst, reviewer, note: (await findNote(note.id))! };
}

/** An editor's provider, synced with the note. */
async function editorOf(noteId: string, userId: string, server = collab()) {
  const editor = await server.connect(noteId, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  return editor;
}

/** Waits until the server has acknowledged every change the editor made. */
const acknowledged = (editor: Awaited<ReturnType<typeof editorOf>>) => eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));

/** Checks that the edit is acknowledged but not stored: only the log has it. */
async function expectOnlyInLog(noteId: string, text: string) {
  expect(await pendingUpdateCount(noteId)).toBeGreaterThan(0);
  expect((await findNote(noteId))?.text).not.toContain(text);
}

const publish = async (noteId: string, user: { id: string }) =>
  publishNote((await findNote(noteId))!, user, "analyst", { visibility: "team", summary: "", overrideApproval: false });

describe("the body as it is now", () => {
  it("is the stored body when nothing waits in the log, and the acknowledged edits too when something does", async () => {
    const { analyst, note } = await approvedNote();
    expect(await currentBody(note.id)).toMatchObject({ text: APPROVED_TEXT, content: note.content });

    const editor = await editorOf(note.id, analyst.id);
    appendParagraph(editor.doc, "Acknowledged, not stored.");
    await acknowledged(editor);
    await expectOnlyInLog(note.id, "Acknowledged, not stored.");

    const body = await currentBody(note.id);
    expect(body.text).toBe(`${APPROVED_TEXT}\nAcknowledged, not stored.`);
    expect(body.content).toEqual(paragraphs(APPROVED_TEXT, "Acknowledged, not stored."));
    // Its Yjs state is the editor's document.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, body.ydoc);
    expect(copy.getXmlFragment(BODY_FIELD).toString()).toBe(editor.doc.getXmlFragment(BODY_FIELD).toString());
  });

  it("includes an edit another process acknowledged, without this process opening the note", async () => {
    const { analyst, reviewer, note } = await noteInReview("Draft.");
    const elsewhere = await startCollabServer({ register: false, debounce: 60_000 });
    try {
      const editor = await editorOf(note.id, analyst.id, elsewhere);
      appendParagraph(editor.doc, "Written through the other process.");
      await acknowledged(editor);
      await expectOnlyInLog(note.id, "Written through the other process.");

      expect((await currentBody(note.id)).text).toBe("Draft.\nWritten through the other process.");
      // The approval is bound to it, and this process never loaded the note.
      await decideReview((await findNote(note.id))!, reviewer.id, "approve", "");
      const [approved] = await db().select().from(revisions).where(eq(revisions.id, (await latestReview(note.id))!.approvedRevisionId!));
      expect(approved.text).toBe("Draft.\nWritten through the other process.");
      expect(collab().hocuspocus.documents.has(note.id)).toBe(false);
    } finally {
      await elsewhere.close();
    }
  });
});

describe("approval and publishing, on the body as it is now", () => {
  it("see an edit as soon as it is acknowledged, agree on it, and agree again once it is undone", async () => {
    const { analyst, note } = await approvedNote();
    expect(await approvalState(note)).toMatchObject({ changedSinceApproval: false, review: { state: "approved" } });

    const editor = await editorOf(note.id, analyst.id);
    appendParagraph(editor.doc, "Added after the approval.");
    await acknowledged(editor);
    await expectOnlyInLog(note.id, "Added after the approval.");

    // The panel shows "changed since approval" and publishing refuses, on the same body.
    expect(await approvalState(note)).toMatchObject({ changedSinceApproval: true, review: { state: "approved" } });
    expect(await rejectionOf(publish(note.id, analyst))).toMatchObject({
      code: "bad_request",
      message: "Publishing needs an approval of the text as it is now: request a review first.",
    });

    // Undone before any store: the text is the approved one again, for both.
    const body = editor.doc.getXmlFragment(BODY_FIELD);
    body.delete(body.length - 1, 1);
    await acknowledged(editor);
    expect(await approvalState(note)).toMatchObject({ changedSinceApproval: false, review: { state: "approved" } });
    const edition = await publish(note.id, analyst);
    expect(edition.text).toBe(APPROVED_TEXT);
  });

  it("lets an analyst ask for review again as soon as an acknowledged edit changed the approved text", async () => {
    const { analyst, note } = await approvedNote();
    await expect(requestReview(note, analyst.id, [])).rejects.toMatchObject({ message: "Only a draft can be sent for review." });

    const editor = await editorOf(note.id, analyst.id);
    appendParagraph(editor.doc, "A new paragraph.");
    await acknowledged(editor);
    await expectOnlyInLog(note.id, "A new paragraph.");

    await requestReview((await findNote(note.id))!, analyst.id, []);
    expect((await findNote(note.id))?.status).toBe("in_review");
  });
});

describe("named versions and comparisons, on the body as it is now", () => {
  it("keep and show an edit acknowledged but not yet stored", async () => {
    const { analyst, note } = await approvedNote();
    const approvedRevisionId = (await latestReview(note.id))!.approvedRevisionId!;
    const editor = await editorOf(note.id, analyst.id);
    appendParagraph(editor.doc, "Sent to the desk.");
    await acknowledged(editor);
    await expectOnlyInLog(note.id, "Sent to the desk.");

    const named = await saveNamedVersion(note.teamId, note.id, analyst.id, "for the desk");
    expect(named).toMatchObject({ reason: "named", name: "for the desk", text: `${APPROVED_TEXT}\nSent to the desk.` });

    // "See what changed" since the approval: the edit, by its writer.
    const comparison = await compareVersions(note.teamId, note, approvedRevisionId, "current");
    expect(comparison.changes.map((change) => [change.inserted.trim(), change.authors])).toEqual([["Sent to the desk.", [analyst.name]]]);
  });
});
