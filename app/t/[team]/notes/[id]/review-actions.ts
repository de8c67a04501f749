"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { badRequest } from "@/lib/errors";
import { noteFor } from "@/lib/loaders/open";
import { decideReview, requestReview } from "@/lib/review/workflow";

const note = { team: z.string(), noteId: z.uuid("That note was not found.") };

export const requestReviewAction = teamAction(
  z.object({ ...note, reviewers: z.array(z.uuid("That reviewer was not found.")).max(20).default([]) }),
  "team.edit",
  async (input, session) => {
    // The review policy decides with the note's state (lib/review/workflow.ts).
    await requestReview(await noteFor(session, input.noteId, "read"), session.user.id, input.reviewers);
  },
);

export const decideReviewAction = teamAction(
  z.object({
    ...note,
    decision: z.enum(["approve", "request_changes"]),
    summary: z.string().trim().max(5_000, "A summary can be at most 5,000 characters.").default(""),
    // Approving a text with open suggestions carries them only when the reviewer says so.
    carrySuggestions: z.boolean().default(false),
  }),
  "team.review",
  async (input, session) => {
    const { user } = session;
    if (input.decision === "request_changes" && !input.summary) throw badRequest("Say what should change.");
    await decideReview(await noteFor(session, input.noteId, "read"), user.id, input.decision, input.summary, { carrySuggestions: input.carrySuggestions });
  },
);
