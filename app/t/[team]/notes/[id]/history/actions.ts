"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { authorize } from "@/lib/policies";
import { noteFor } from "@/lib/loaders/open";
import { nameRevision, saveNamedVersion } from "@/lib/revisions/queries";
import { restoreRevision } from "@/lib/revisions/restore";

const ids = { team: z.string(), noteId: z.uuid("That note was not found."), revisionId: z.uuid("That revision was not found.") };
const revisionName = z.string().trim().max(120, "A name can be at most 120 characters.");

export const nameRevisionAction = teamAction(z.object({ ...ids, name: revisionName }), "team.edit", async (input, session) => {
  const { user, team } = session;
  authorize(session.actor, "revision.name", await noteFor(session, input.noteId, "read"));
  await nameRevision(team.id, input.noteId, input.revisionId, input.name || null, user.id);
});

/** Keeps the note as it is now as a named revision ("sent to review"). */
export const saveNamedRevisionAction = teamAction(
  z.object({ team: z.string(), noteId: ids.noteId, name: revisionName.min(1, "Give the version a name.") }),
  "team.edit",
  async (input, session) => {
    const { user, team } = session;
    authorize(session.actor, "revision.name", await noteFor(session, input.noteId, "read"));
    const revision = await saveNamedVersion(team.id, input.noteId, user.id, input.name);
    return revision?.id ?? null;
  },
);

export const restoreRevisionAction = teamAction(z.object(ids), "team.edit", async (input, session) => {
  const { user, team } = session;
  authorize(session.actor, "revision.restore", await noteFor(session, input.noteId, "read"));
  await restoreRevision(team.id, input.noteId, input.revisionId, user.id);
  return `/t/${team.slug}/notes/${input.noteId}`;
});
