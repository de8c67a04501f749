"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { isSuggestionId } from "@/lib/editor/suggestions/model";
import { noteFor } from "@/lib/loaders/open";
import { decideSuggestions } from "@/lib/suggestions/decide";

const MAX_DECISIONS = 500;

const decision = z.object({
  id: z.string().refine(isSuggestionId, "That suggestion was not found."),
  outcome: z.enum(["accepted", "rejected"], "Say whether to accept or reject each suggestion."),
});

/**
 * Records the acceptance or rejection of suggestions, called by the editor
 * just before it makes the edit that applies them: only those who may edit
 * the note decide (a reviewer withdraws their own by an edit the update
 * guard lets through).
 */
export const decideSuggestionsAction = teamAction(
  z.object({
    team: z.string(),
    noteId: z.uuid("That note was not found."),
    decisions: z
      .array(decision)
      .min(1, "Choose a suggestion first.")
      .max(MAX_DECISIONS, `At most ${MAX_DECISIONS} suggestions can be decided at once.`)
      .refine((list) => new Set(list.map((item) => item.id)).size === list.length, "Each suggestion can be decided once."),
  }),
  "team.edit",
  async (input, session) => {
    const note = await noteFor(session, input.noteId, "update");
    await decideSuggestions(note, session.user.id, input.decisions);
  },
);
