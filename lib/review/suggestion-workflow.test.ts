import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { auditLog, editions, revisions, type User } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { documentToHtml } from "@/lib/editor/html";
import { deleted, docOf, inserted, paragraph, plain } from "@/lib/editor/suggestions/fixtures";
import { findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { approvalState, decideReview, latestReview, requestReview } from "./workflow";

useTestDatabase();
// Suggestions are resolved through Yjs, as from the editor.
const collab = useCollabServer();

/** A note in review whose text holds one open suggestion of the reviewer's: "may" marked for deletion. */
async function noteWithSuggestion() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(team.id, analyst.id, docOf(paragraph([plain("Talks "), deleted("may ", "sugg01", reviewer.id), plain("resume on Monday.")])));
  await requestReview(note, analyst.id, [reviewer.id]);
  return { team, owner, analyst, reviewer, note };
}

const current = async (noteId: string) => (await findNote(noteId))!;

const publish = async (noteId: string, user: User, role: "analyst" | "owner", overrideApproval = false) =>
  publishNote(await current(noteId), user, role, { visibility: "team", summary: "", overrideApproval });

/** What publishing leaves behind: editions, revisions made by it and its audit entries. */
async function publishedTraces(noteId: string) {
  const [made, published, audited] = await Promise.all([
    db().select({ id: editions.id }).from(editions).where(eq(editions.noteId, noteId)),
    db().select({ id: revisions.id }).from(revisions).where(and(eq(revisions.noteId, noteId), eq(revisions.reason, "publish"))),
    db().select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.target, noteId), eq(auditLog.action, "note.published"))),
  ]);
  return { editions: made.length, revisions: published.length, audit: audited.length };
}

/** The analyst rejects the suggestion in the editor: "may " loses its mark and stays. */
async function rejectSuggestion(noteId: string, userId: string) {
  const editor = await collab().connect(noteId, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  const text = (editor.doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.format("Talks ".length, "may ".length, { suggestedDeletion: null });
  await eventually(async () => expect(JSON.stringify((await currentBody(noteId)).content)).not.toContain("suggestedDeletion"));
}

describe("publishing a text with open suggestions", () => {
  it("is refused with a sentence that counts them, and writes nothing, even for an owner publishing without approval", async () => {
    const { owner, analyst, note } = await noteWithSuggestion();
    const refusal = await rejectionOf(publish(note.id, owner, "owner", true));
    expect(refusal).toMatchObject({ code: "bad_request", message: "Resolve the open suggestion before publishing: accept or reject it." });
    expect(await publishedTraces(note.id)).toEqual({ editions: 0, revisions: 0, audit: 0 });
    expect((await current(note.id)).status).toBe("in_review");
    // An analyst without approval is refused by the review policy first.
    await expect(publish(note.id, analyst, "analyst")).rejects.toThrow("Publishing needs an approval of the text as it is now: request a review first.");
  });

  it("counts every open suggestion in the sentence", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await buildNote(team.id, owner.id, docOf(paragraph([plain("Talks "), inserted("will ", "sugg01", reviewer.id), deleted("may ", "sugg02", reviewer.id), plain("resume.")])));
    await expect(publish(note.id, owner, "owner", true)).rejects.toThrow("Resolve the 2 open suggestions before publishing: accept or reject them.");
  });

  it("succeeds once the suggestion is resolved, and the edition holds no suggestion markup", async () => {
    const { owner, note } = await noteWithSuggestion();
    await rejectSuggestion(note.id, owner.id);
    const edition = await publish(note.id, owner, "owner", true);
    const [stored] = await db().select({ text: editions.text, content: editions.content }).from(editions).where(eq(editions.id, edition.id));
    expect(stored.text).toBe("Talks may resume on Monday.");
    const html = documentToHtml(stored.content);
    expect(html).toBe("<p>Talks may resume on Monday.</p>");
    expect(html).not.toMatch(/suggest/);
  });
});

describe("approving a text with open suggestions", () => {
  it("is refused unless the reviewer carries them, and nothing is decided", async () => {
    const { reviewer, note } = await noteWithSuggestion();
    await expect(decideReview(await current(note.id), reviewer.id, "approve", "Fine.")).rejects.toMatchObject({
      code: "bad_request",
      message: "This note has an open suggestion: resolve it first, or approve and carry it.",
    });
    expect(await latestReview(note.id)).toMatchObject({ state: "pending", approvedRevisionId: null });
    expect((await current(note.id)).status).toBe("in_review");
  });

  it("approves with the suggestions carried, recorded in the audit log with each suggestion, and publishing still waits for them", async () => {
    const { team, analyst, reviewer, note } = await noteWithSuggestion();
    await decideReview(await current(note.id), reviewer.id, "approve", "Fine once the hedge goes.", { carrySuggestions: true });
    const review = (await latestReview(note.id))!;
    expect(review).toMatchObject({ state: "approved", summary: "Fine once the hedge goes." });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.teamId, team.id), eq(auditLog.action, "note.approved_with_suggestions")));
    expect(entry).toMatchObject({ userId: reviewer.id, target: note.id });
    expect(entry.data).toEqual({ review: review.id, revision: review.approvedRevisionId, suggestions: [{ id: "sugg01", author: reviewer.id, summary: "Delete “may”" }] });

    // The approval holds for the text with its suggestion, but publishing refuses it.
    expect((await approvalState(note)).changedSinceApproval).toBe(false);
    await expect(publish(note.id, analyst, "analyst")).rejects.toThrow("Resolve the open suggestion before publishing: accept or reject it.");
    expect(await publishedTraces(note.id)).toEqual({ editions: 0, revisions: 0, audit: 0 });

    // Resolving it changes the text: the approval no longer holds.
    await rejectSuggestion(note.id, analyst.id);
    expect((await approvalState(note)).changedSinceApproval).toBe(true);
    await expect(publish(note.id, analyst, "analyst")).rejects.toThrow("Publishing needs an approval of the text as it is now: request a review first.");
  });

  it("records nothing when there is nothing to carry, and asking for changes is not affected by suggestions", async () => {
    const { team, reviewer, note } = await noteWithSuggestion();
    await decideReview(await current(note.id), reviewer.id, "request_changes", "Decide on the hedge.");
    expect(await latestReview(note.id)).toMatchObject({ state: "changes_requested" });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.teamId, team.id), eq(auditLog.action, "note.approved_with_suggestions")))).toEqual([]);
  });

  it("after the suggestion is resolved, approves without carrying and publishes", async () => {
    const { analyst, reviewer, note } = await noteWithSuggestion();
    await rejectSuggestion(note.id, analyst.id);
    await decideReview(await current(note.id), reviewer.id, "approve", "Good.");
    const edition = await publish(note.id, analyst, "analyst");
    expect(edition.number).toBe(1);
    expect(documentToHtml(edition.content)).toBe("<p>Talks may resume on Monday.</p>");
  });
});
