import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notifications, reviews, revisions } from "@/db/schema";
import { findNote } from "@/lib/notes/queries";
import { appendParagraph, eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { approvalState, decideReview, latestReview, requestReview, waitingFor } from "./workflow";

useTestDatabase();
// Edits reach the note through a running collaboration server, as from the editor.
const collab = useCollabServer();

async function teamWithDraft() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const otherReviewer = await buildMember(team.id, "reviewer");
  const reader = await buildMember(team.id, "reader");
  const note = await buildNote(team.id, analyst.id, paragraphs("Iran says the Bushehr reactor is safe."));
  return { team, owner, analyst, reviewer, otherReviewer, reader, note };
}

/** The note as the next page load reads it. */
const current = async (noteId: string) => (await findNote(noteId))!;

/** Who was told what about a note, oldest first. */
const notified = (noteId: string) =>
  db()
    .select({ userId: notifications.userId, kind: notifications.kind, actorId: notifications.actorId, excerpt: notifications.excerpt, decision: notifications.decision })
    .from(notifications)
    .where(eq(notifications.noteId, noteId))
    .orderBy(asc(notifications.createdAt));

describe("asking for review", () => {
  it("puts a draft in review and tells the reviewer named", async () => {
    const { analyst, reviewer, note } = await teamWithDraft();
    await requestReview(note, analyst.id, [reviewer.id]);

    expect((await current(note.id)).status).toBe("in_review");
    expect(await latestReview(note.id)).toMatchObject({ state: "pending", requestedBy: analyst.id, reviewers: [reviewer.id], approvedRevisionId: null });
    expect(await notified(note.id)).toEqual([{ userId: reviewer.id, kind: "review_requested", actorId: analyst.id, excerpt: "", decision: null }]);
  });

  it("tells every reviewer of the team when none is named", async () => {
    const { analyst, reviewer, otherReviewer, note } = await teamWithDraft();
    const elsewhere = await buildTeam();
    await buildMember(elsewhere.team.id, "reviewer");
    await requestReview(note, analyst.id, []);

    expect((await latestReview(note.id))?.reviewers).toEqual([]);
    expect((await notified(note.id)).map((n) => [n.userId, n.kind]).sort()).toEqual(
      [
        [reviewer.id, "review_requested"],
        [otherReviewer.id, "review_requested"],
      ].sort(),
    );
  });

  it("refuses to name anyone but a reviewer of the team, and changes nothing", async () => {
    const { analyst, reviewer, reader, owner, note } = await teamWithDraft();
    const elsewhere = await buildTeam();
    const outsideReviewer = await buildMember(elsewhere.team.id, "reviewer");
    for (const named of [analyst, reader, owner, outsideReviewer]) {
      await expect(requestReview(note, analyst.id, [reviewer.id, named.id])).rejects.toMatchObject({
        code: "bad_request",
        message: "Only reviewers of this team can be asked to review.",
      });
    }
    expect((await current(note.id)).status).toBe("draft");
    expect(await latestReview(note.id)).toBeUndefined();
    expect(await notified(note.id)).toEqual([]);
  });

  it("refuses a second request while the note is in review", async () => {
    const { analyst, reviewer, otherReviewer, note } = await teamWithDraft();
    await requestReview(note, analyst.id, [reviewer.id]);
    await expect(requestReview(await current(note.id), analyst.id, [otherReviewer.id])).rejects.toMatchObject({
      code: "bad_request",
      message: "This note is already in review.",
    });
    expect(await db().select().from(reviews).where(eq(reviews.noteId, note.id))).toHaveLength(1);
    expect((await notified(note.id)).map((n) => n.userId)).toEqual([reviewer.id]);
  });
});

describe("deciding a review", () => {
  it("approves the text as it is, and the approval lapses once the text changes", async () => {
    const { analyst, reviewer, note } = await teamWithDraft();
    await requestReview(note, analyst.id, [reviewer.id]);
    await decideReview(await current(note.id), reviewer.id, "approve", "Well sourced.");

    const approved = await current(note.id);
    expect(approved.status).toBe("approved");
    const review = await latestReview(note.id);
    expect(review).toMatchObject({ state: "approved", decidedBy: reviewer.id, summary: "Well sourced." });
    expect(review?.approvedRevisionId).toEqual(expect.any(String));
    const [revision] = await db().select().from(revisions).where(eq(revisions.id, review!.approvedRevisionId!));
    expect(revision).toMatchObject({ reason: "approval", createdBy: reviewer.id, text: "Iran says the Bushehr reactor is safe." });
    expect(revision.content).toEqual(approved.content);
    expect(await notified(note.id)).toContainEqual({ userId: analyst.id, kind: "review_decided", actorId: reviewer.id, excerpt: "Well sourced.", decision: "approved" });

    expect((await approvalState(approved)).changedSinceApproval).toBe(false);
    // Approved and unchanged: there is nothing new to review.
    await expect(requestReview(approved, analyst.id, [])).rejects.toMatchObject({ code: "bad_request", message: "Only a draft can be sent for review." });

    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    appendParagraph(writer.doc, "Satellite images show new construction.");
    await eventually(async () => expect((await approvalState(await current(note.id))).changedSinceApproval).toBe(true));

    const changed = await current(note.id);
    expect(changed.status).toBe("approved");
    await requestReview(changed, analyst.id, [reviewer.id]);
    expect((await current(note.id)).status).toBe("in_review");
    expect(await latestReview(note.id)).toMatchObject({ state: "pending", reviewers: [reviewer.id] });
  });

  it("binds the approval to the live text, including an edit the reviewer's copy of the note does not have", async () => {
    const { analyst, reviewer, note } = await teamWithDraft();
    await requestReview(note, analyst.id, []);
    const asLoaded = await current(note.id);

    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    appendParagraph(writer.doc, "Written while the reviewer reads.");
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));

    await decideReview(asLoaded, reviewer.id, "approve", "");
    const [revision] = await db().select().from(revisions).where(eq(revisions.id, (await latestReview(note.id))!.approvedRevisionId!));
    expect(revision.text).toBe("Iran says the Bushehr reactor is safe.\nWritten while the reviewer reads.");
    // Once the edit is stored, the note is exactly what was approved.
    await eventually(async () => expect((await current(note.id)).text).toBe(revision.text));
    expect((await approvalState(await current(note.id))).changedSinceApproval).toBe(false);
  });

  it("sends the note back to draft on a request for changes, keeping the summary and telling the requester", async () => {
    const { analyst, reviewer, note } = await teamWithDraft();
    await requestReview(note, analyst.id, []);
    await decideReview(await current(note.id), reviewer.id, "request_changes", "Cite the IAEA report.");

    expect((await current(note.id)).status).toBe("draft");
    expect(await latestReview(note.id)).toMatchObject({
      state: "changes_requested",
      summary: "Cite the IAEA report.",
      decidedBy: reviewer.id,
      approvedRevisionId: null,
    });
    expect(await db().select().from(revisions).where(eq(revisions.noteId, note.id))).toEqual([]);
    expect((await notified(note.id)).filter((n) => n.kind === "review_decided")).toEqual([
      { userId: analyst.id, kind: "review_decided", actorId: reviewer.id, excerpt: "Cite the IAEA report.", decision: "changes_requested" },
    ]);
    expect((await approvalState(await current(note.id))).changedSinceApproval).toBe(false);
    // The analyst can send it again.
    await requestReview(await current(note.id), analyst.id, []);
    expect((await current(note.id)).status).toBe("in_review");
  });

  it("refuses a decision when the note is not in review, or from a reviewer who was not asked", async () => {
    const { analyst, reviewer, otherReviewer, note } = await teamWithDraft();
    const notWaiting = { code: "bad_request", message: "This note is not waiting for review." };
    await expect(decideReview(note, reviewer.id, "approve", "")).rejects.toMatchObject(notWaiting);

    await requestReview(note, analyst.id, [reviewer.id]);
    await expect(decideReview(await current(note.id), otherReviewer.id, "approve", "")).rejects.toMatchObject({
      code: "bad_request",
      message: "Another reviewer was asked to review this note.",
    });
    expect((await current(note.id)).status).toBe("in_review");
    expect((await latestReview(note.id))?.state).toBe("pending");

    await decideReview(await current(note.id), reviewer.id, "request_changes", "Shorter, please.");
    await expect(decideReview(await current(note.id), reviewer.id, "approve", "")).rejects.toMatchObject(notWaiting);
    expect((await current(note.id)).status).toBe("draft");
    expect(await db().select().from(revisions).where(eq(revisions.noteId, note.id))).toEqual([]);
  });
});

describe("notes waiting for a reviewer", () => {
  it("lists a note for the reviewer named, one open to all for every reviewer, and neither once decided", async () => {
    const { team, analyst, reviewer, otherReviewer, note: named } = await teamWithDraft();
    const open = await buildNote(team.id, analyst.id, paragraphs("Talks resume in Vienna."));
    const draft = await buildNote(team.id, analyst.id, paragraphs("Not sent yet."));
    await requestReview(named, analyst.id, [reviewer.id]);
    await requestReview(open, analyst.id, []);

    expect([...(await waitingFor(team.id, reviewer.id))].sort()).toEqual([named.id, open.id].sort());
    expect([...(await waitingFor(team.id, otherReviewer.id))]).toEqual([open.id]);
    expect(await waitingFor(team.id, reviewer.id)).not.toContain(draft.id);
    const elsewhere = await buildTeam();
    expect(await waitingFor(elsewhere.team.id, reviewer.id)).toEqual(new Set());

    await decideReview(await current(open.id), otherReviewer.id, "approve", "");
    await decideReview(await current(named.id), reviewer.id, "request_changes", "Shorter, please.");
    expect(await waitingFor(team.id, reviewer.id)).toEqual(new Set());
    expect(await waitingFor(team.id, otherReviewer.id)).toEqual(new Set());
  });
});
