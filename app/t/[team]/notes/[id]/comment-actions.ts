"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { fromBase64 } from "@/lib/comments/anchors";
import { commentBody } from "@/lib/comments/validation";
import { createThread, deleteComment, editComment, listThreads, reply, setResolved } from "@/lib/comments/queries";
import { noteFor } from "@/lib/loaders/open";
import { isSuggestionId } from "@/lib/editor/suggestions/model";

const body = commentBody;
const anchorPart = z.string().transform((text, ctx) => {
  const bytes = fromBase64(text);
  if (!bytes) ctx.addIssue({ code: "custom", message: "That passage could not be read; select it again." });
  return bytes ?? new Uint8Array();
});
const note = { team: z.string(), noteId: z.uuid("That note was not found.") };
const threadId = z.uuid("That comment thread was not found.");
const commentId = z.uuid("That comment was not found.");

export const listThreadsAction = teamAction(z.object(note), "team.comment", async (input, session) => {
  await noteFor(session, input.noteId, "comment");
  return listThreads(session.team.id, input.noteId);
});

export const createThreadAction = teamAction(
  z.object({
    ...note,
    anchorStart: anchorPart,
    anchorEnd: anchorPart,
    quote: z.string().max(2_000).default(""),
    body,
    // A reply on a suggestion: the thread is anchored to its text and shown with it.
    suggestionId: z.string().refine(isSuggestionId, "That suggestion was not found.").optional(),
  }),
  "team.comment",
  async (input, session) => {
    const target = await noteFor(session, input.noteId, "comment");
    const thread = await createThread(target, session.user.id, {
      anchor: { start: input.anchorStart, end: input.anchorEnd },
      quote: input.quote.trim(),
      body: input.body,
      suggestionId: input.suggestionId,
    });
    return thread.id;
  },
);

export const replyAction = teamAction(z.object({ ...note, threadId, body }), "team.comment", async (input, session) => {
  const { user, team } = session;
  await noteFor(session, input.noteId, "comment");
  await reply(team.id, input.noteId, input.threadId, user.id, input.body);
});

export const resolveThreadAction = teamAction(
  z.object({ ...note, threadId, resolved: z.boolean() }),
  "team.comment",
  async (input, session) => {
    const { user, team } = session;
    await noteFor(session, input.noteId, "comment");
    await setResolved(team.id, input.noteId, input.threadId, user.id, input.resolved);
  },
);

export const editCommentAction = teamAction(z.object({ ...note, commentId, body }), "team.comment", async (input, session) => {
  const { user, team } = session;
  await noteFor(session, input.noteId, "comment");
  await editComment(team.id, input.noteId, input.commentId, user.id, input.body);
});

export const deleteCommentAction = teamAction(z.object({ ...note, commentId }), "team.comment", async (input, session) => {
  const { user, team } = session;
  await noteFor(session, input.noteId, "comment");
  await deleteComment(team.id, input.noteId, input.commentId, user.id);
});
