"use server";

import { z } from "zod";
import { VISIBILITIES } from "@/db/schema";
import { teamAction } from "@/lib/action";
import { noteFor } from "@/lib/loaders/open";
import { publishNote, unpublishNote } from "@/lib/publishing/publish";
import { judgmentRationales } from "@/lib/judgments/rationales";

const note = { team: z.string(), noteId: z.uuid("That note was not found.") };

export const publishAction = teamAction(
  z.object({
    ...note,
    visibility: z.enum(VISIBILITIES),
    summary: z.string().trim().max(1_000, "A summary can be at most 1,000 characters.").default(""),
    overrideApproval: z.boolean().default(false),
    rationales: judgmentRationales,
  }),
  "team.edit",
  async (input, session) => {
    const { user, team, role } = session;
    // The review policy decides with the note's state (lib/publishing/publish.ts).
    const edition = await publishNote(await noteFor(session, input.noteId, "read"), user, role, input);
    return { number: edition.number, path: `/b/${team.slug}/${input.noteId}/${edition.number}` };
  },
);

export const unpublishAction = teamAction(z.object(note), "team.edit", async (input, session) => {
  await unpublishNote(await noteFor(session, input.noteId, "unpublish"), session.user);
});
