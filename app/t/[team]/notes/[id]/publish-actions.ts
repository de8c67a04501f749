"use server";

import { z } from "zod";
import { VISIBILITIES } from "@/db/schema";
import { teamAction } from "@/lib/action";
import { can } from "@/lib/auth/policy";
import { getTeamNote } from "@/lib/notes/queries";
import { publishNote, unpublishNote } from "@/lib/publishing/publish";

const note = { team: z.string(), noteId: z.uuid("That note was not found.") };

export const publishAction = teamAction(
  z.object({
    ...note,
    visibility: z.enum(VISIBILITIES),
    summary: z.string().trim().max(1_000, "A summary can be at most 1,000 characters.").default(""),
    overrideApproval: z.boolean().default(false),
  }),
  can.editNotes,
  async (input, { user, team, role }) => {
    const edition = await publishNote(await getTeamNote(team.id, input.noteId), user, role, input);
    return { number: edition.number, path: `/b/${team.slug}/${input.noteId}/${edition.number}` };
  },
);

export const unpublishAction = teamAction(z.object(note), can.editNotes, async (input, { user, team }) => {
  await unpublishNote(await getTeamNote(team.id, input.noteId), user);
});
