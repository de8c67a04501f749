import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { memberships, notes, reviews, revisions, type Note, type Review } from "@/db/schema";
import { badRequest } from "@/lib/errors";
import { currentBody, type CurrentBody } from "@/lib/collab/current-body";
import { runCommand } from "@/lib/commands/command";
import { authorize, can } from "@/lib/policies";
import { actorInTeam } from "@/lib/teams/queries";
import { recordRevision } from "@/lib/revisions/create";
import { stableStringify } from "@/lib/stable-json";
import { statusChanged } from "./status-change";
import { suggestionsIn } from "@/lib/editor/suggestions/read";
import { approvalRefusal } from "./suggestion-words";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";
import { noteData } from "@/lib/webhooks/event-data";

/** The latest review of a note, if any. */
export async function latestReview(noteId: string): Promise<Review | undefined> {
  const [review] = await db().select().from(reviews).where(eq(reviews.noteId, noteId)).orderBy(desc(reviews.createdAt)).limit(1);
  return review;
}

export interface ApprovalState {
  review: Review | undefined;
  /** The text changed after it was approved: the approval no longer holds (what that allows is the review policy's). */
  changedSinceApproval: boolean;
}

/**
 * The text the review approved, as stable JSON to compare a body with; null
 * when the review approved nothing. A lost approved revision reads as "",
 * which no body equals.
 */
async function approvedText(review: Review | undefined): Promise<string | null> {
  if (review?.state !== "approved" || !review.approvedRevisionId) return null;
  const [approved] = await db().select({ content: revisions.content }).from(revisions).where(eq(revisions.id, review.approvedRevisionId));
  return approved ? stableStringify(approved.content) : "";
}

/** The text of the note's current approval (see approvedText), for a watcher that compares many bodies with it. */
export async function currentApprovedText(noteId: string): Promise<string | null> {
  return approvedText(await latestReview(noteId));
}

/**
 * Where the note's text stands against its latest review, judged on the body
 * as it is now (currentBody: edits not yet stored count). Pass `body` to judge
 * the very body about to be used (publishing freezes the body it judged).
 */
export async function approvalState(
  note: Pick<Note, "id">,
  // The body as it is now, or a way to read it (only asked for when there is an approval to compare with).
  body?: Pick<CurrentBody, "content"> | (() => Promise<Pick<CurrentBody, "content">>),
): Promise<ApprovalState> {
  const review = await latestReview(note.id);
  const approved = await approvedText(review);
  if (approved === null) return { review, changedSinceApproval: false };
  const now = typeof body === "function" ? await body() : (body ?? (await currentBody(note.id)));
  return { review, changedSinceApproval: stableStringify(now.content) !== approved };
}

/** The team's members who may review. */
async function teamReviewers(teamId: string): Promise<string[]> {
  const rows = await db().select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, teamId));
  return rows.filter((row) => can({ ...row, teamId }, "team.review", { id: teamId })).map((row) => row.userId);
}

/** An analyst asks for review, optionally naming reviewers; they are notified. */
export async function requestReview(note: Note, userId: string, named: string[]) {
  const state = await approvalState(note);
  authorize(await actorInTeam(userId, note.teamId), "review.request", { note, ...state });
  const allReviewers = await teamReviewers(note.teamId);
  const reviewers = [...new Set(named)];
  if (reviewers.some((id) => !allReviewers.includes(id))) throw badRequest("Only reviewers of this team can be asked to review.");
  const asked = reviewers.length ? reviewers : allReviewers;
  await runCommand(async ({ tx, notify, afterCommit }) => {
    const [review] = await tx.insert(reviews).values({ noteId: note.id, teamId: note.teamId, requestedBy: userId, reviewers }).returning({ id: reviews.id });
    await tx.update(notes).set({ status: "in_review" }).where(eq(notes.id, note.id));
    await notify(asked.map((reviewer) => ({ userId: reviewer, teamId: note.teamId, kind: "review_requested" as const, noteId: note.id, actorId: userId })));
    await enqueueWebhookEvent(tx, note.teamId, "review.requested", (team, origin) => ({
      note: noteData(note, team, origin),
      review: { id: review.id, requestedBy: userId, reviewers },
    }));
    afterCommit(() => statusChanged(note));
  });
}

/**
 * A reviewer approves (binding the approval to a revision of the text as it
 * is now) or requests changes (the note goes back to draft), with a summary.
 * A text with open suggestions is approved only when the reviewer carries
 * them, which is recorded; they still keep it from being published until
 * they are resolved, and resolving them changes the text.
 */
export async function decideReview(
  note: Note,
  reviewerId: string,
  decision: "approve" | "request_changes",
  summary: string,
  options: { carrySuggestions?: boolean } = {},
) {
  const review = await latestReview(note.id);
  authorize(await actorInTeam(reviewerId, note.teamId), "review.decide", { note, review, changedSinceApproval: false });
  if (!review) throw badRequest("This note is not waiting for review."); // The policy refused already; this tells TypeScript.
  // The approval is bound to the text the reviewer sees, whether or not it is stored yet.
  const live = decision === "approve" ? await currentBody(note.id) : null;
  // Judged on the very text the approval binds.
  const carried = live ? suggestionsIn(live.content) : [];
  if (carried.length > 0 && !options.carrySuggestions) throw badRequest(approvalRefusal(carried.length));
  await runCommand(async ({ tx, audit, notify, afterCommit }) => {
    // Two reviewers deciding at once: the second finds the review decided.
    const [current] = await tx.select({ state: reviews.state }).from(reviews).where(eq(reviews.id, review.id)).for("update");
    if (current?.state !== "pending") throw badRequest("This review has just been decided by someone else.");
    const revision = live ? await recordRevision(note.id, { reason: "approval", userId: reviewerId, snapshot: { title: note.title, ...live } }, tx) : null;
    await tx
      .update(reviews)
      .set({
        state: decision === "approve" ? "approved" : "changes_requested",
        summary,
        decidedBy: reviewerId,
        decidedAt: new Date(),
        approvedRevisionId: revision?.id ?? null,
        updatedAt: new Date(),
      })
      .where(eq(reviews.id, review.id));
    await tx.update(notes).set({ status: decision === "approve" ? "approved" : "draft" }).where(eq(notes.id, note.id));
    if (carried.length > 0)
      await audit({
        teamId: note.teamId,
        userId: reviewerId,
        action: "note.approved_with_suggestions",
        target: note.id,
        data: { review: review.id, revision: revision?.id ?? null, suggestions: carried.map(({ id, author, summary }) => ({ id, author, summary })) },
      });
    if (review.requestedBy) {
      await notify([{ userId: review.requestedBy, teamId: note.teamId, kind: "review_decided", noteId: note.id, actorId: reviewerId, excerpt: summary.slice(0, 200), decision: decision === "approve" ? "approved" : "changes_requested" }]);
    }
    // The reviewer's summary is working material, as the draft is: it stays in Dossier.
    await enqueueWebhookEvent(tx, note.teamId, "review.decided", (team, origin) => ({
      note: noteData(note, team, origin),
      review: { id: review.id, decision: decision === "approve" ? "approved" : "changes_requested", decidedBy: reviewerId },
    }));
    afterCommit(() => statusChanged(note));
  });
}

/** Notes waiting for this reviewer: in review, and either open to any reviewer or naming them. */
export async function waitingFor(teamId: string, userId: string): Promise<Set<string>> {
  const rows = await db()
    .select({ noteId: reviews.noteId, reviewers: reviews.reviewers })
    .from(reviews)
    .innerJoin(notes, eq(notes.id, reviews.noteId))
    .where(and(eq(reviews.teamId, teamId), eq(reviews.state, "pending"), eq(notes.status, "in_review")));
  return new Set(rows.filter((row) => row.reviewers.length === 0 || row.reviewers.includes(userId)).map((row) => row.noteId));
}
