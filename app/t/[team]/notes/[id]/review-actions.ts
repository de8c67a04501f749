"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { can } from "@/lib/auth/policy";
import { badRequest } from "@/lib/errors";
import { getTeamNote } from "@/lib/notes/queries";
import { decideReview, requestReview } from "@/lib/review/workflow";

const note = { team: z.string(), noteId: z.uuid("That note was not found.") };

export const requestReviewAction = teamAction(
  z.object({ ...note, reviewers: z.array(z.uuid("That reviewer was not found.")).max(20).default([]) }),
  can.editNotes,
  async (input, { user, team }) => {
    await requestReview(await getTeamNote(team.id, input.noteId), user.id, input.reviewers);
  },
);

export const decideReviewAction = teamAction(
  z.object({
    ...note,
    decision: z.enum(["approve", "request_changes"]),
    summary: z.string().trim().max(5_000, "A summary can be at most 5,000 characters.").default(""),
  }),
  can.review,
  async (input, { user, team }) => {
    if (input.decision === "request_changes" && !input.summary) throw badRequest("Say what should change.");
    await decideReview(await getTeamNote(team.id, input.noteId), user.id, input.decision, input.summary);
  },
);
