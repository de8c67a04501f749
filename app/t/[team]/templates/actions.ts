"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { noteFor } from "@/lib/loaders/open";
import { templateId, templateInput } from "@/lib/templates/fields";
import { deleteTemplate, saveNoteAsTemplate } from "@/lib/templates/manage";

/** Saves the note's body as it is now as a template of the team, offered to everyone starting a note. */
export const saveAsTemplateAction = teamAction(
  templateInput.extend({ team: z.string(), noteId: z.uuid("That note was not found.") }),
  "template.create",
  async (input, session) => {
    const note = await noteFor(session, input.noteId, "read");
    const template = await saveNoteAsTemplate(note, session.user.id, { name: input.name, description: input.description });
    return { id: template.id, name: template.name };
  },
);

/** Deletes one of the team's own templates; notes started from it keep their text. */
export const deleteTemplateAction = teamAction(z.object({ team: z.string(), templateId }), "template.delete", async (input, { user, team }) => {
  await deleteTemplate(team.id, user.id, input.templateId);
});
