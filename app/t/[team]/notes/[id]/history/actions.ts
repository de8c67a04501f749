"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/action";
import { can } from "@/lib/auth/policy";
import { tellEditors } from "@/lib/collab/registry";
import { getTeamNote } from "@/lib/notes/queries";
import { recordNamedRevision } from "@/lib/revisions/create";
import { nameRevision } from "@/lib/revisions/queries";
import { restoreRevision } from "@/lib/revisions/restore";

const ids = { team: z.string(), noteId: z.uuid("That note was not found."), revisionId: z.uuid("That revision was not found.") };
const revisionName = z.string().trim().max(120, "A name can be at most 120 characters.");

export const nameRevisionAction = teamAction(z.object({ ...ids, name: revisionName }), can.editNotes, async (input, { user, team }) => {
  await nameRevision(team.id, input.noteId, input.revisionId, input.name || null, user.id);
  revalidatePath(`/t/${team.slug}/notes/${input.noteId}/history`);
});

/** Keeps the note as it is now as a named revision ("sent to review"). */
export const saveNamedRevisionAction = teamAction(
  z.object({ team: z.string(), noteId: ids.noteId, name: revisionName.min(1, "Give the version a name.") }),
  can.editNotes,
  async (input, { user, team }) => {
    const revision = await recordNamedRevision(await getTeamNote(team.id, input.noteId), user.id, input.name);
    revalidatePath(`/t/${team.slug}/notes/${input.noteId}/history`);
    return revision?.id ?? null;
  },
);

export const restoreRevisionAction = teamAction(z.object(ids), can.editNotes, async (input, { user, team }) => {
  await restoreRevision(team.id, input.noteId, input.revisionId, user.id);
  revalidatePath(`/t/${team.slug}/notes/${input.noteId}/history`);
  // The text may now be (or no longer be) the approved one: open note pages show where it stands.
  tellEditors(input.noteId, "review");
  return `/t/${team.slug}/notes/${input.noteId}`;
});
