import type { ReviewState } from "@/db/schema";
import { because, holds, onlyFor, type Actor, type Verdict } from "./actor";
import type { NoteResource } from "./note";

/** A note with where it stands in review: the rules below depend on it. */
export interface WorkflowResource {
  note: NoteResource;
  review: { state: ReviewState; reviewers: string[] } | undefined;
  /** The text as it is now differs from the approved text. */
  changedSinceApproval: boolean;
}

/** Review and publication: who may move a note along, and when. */
export const reviewPolicy = {
  request(actor: Actor | null, flow: WorkflowResource): Verdict {
    if (!holds(actor, flow.note.teamId, "editNotes")) return false;
    const { status } = flow.note;
    if (status === "draft" || ((status === "approved" || status === "published") && flow.changedSinceApproval)) return true;
    return because(status === "in_review" ? "This note is already in review." : "Only a draft can be sent for review.");
  },
  /** Approve or ask for changes: a reviewer, when the note waits for any reviewer or names them. */
  decide(actor: Actor | null, flow: WorkflowResource): Verdict {
    if (!holds(actor, flow.note.teamId, "review")) return false;
    if (flow.note.status !== "in_review" || flow.review?.state !== "pending") return because("This note is not waiting for review.");
    const named = flow.review.reviewers;
    return named.length === 0 || named.includes(actor.userId) || because("Another reviewer was asked to review this note.");
  },
  publish(actor: Actor | null, flow: WorkflowResource): Verdict {
    if (!holds(actor, flow.note.teamId, "publish")) return false;
    const approved = flow.review?.state === "approved" && !flow.changedSinceApproval;
    return approved || because("Publishing needs an approval of the text as it is now: request a review first.");
  },
  /** Publish a text nobody approved as it is: the owner's call, and recorded as such. */
  publishWithoutApproval(actor: Actor | null, flow: WorkflowResource): Verdict {
    if (!holds(actor, flow.note.teamId, "publish")) return false;
    return holds(actor, flow.note.teamId, "publishWithoutApproval") || onlyFor("Only an owner can publish without approval.");
  },
};
