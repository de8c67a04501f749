"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { ignoreUnlinkedName, showIgnoredNamesAgain } from "@/lib/entities/unlinked-ignores";
import { noteFor } from "@/lib/loaders/open";

const noteId = z.uuid("That note was not found.");

/** Leaves a name of an actor or event as plain text on the note: its writers are no longer offered to link it. */
export const ignoreUnlinkedNameAction = teamAction(
  z.object({
    team: z.string(),
    noteId,
    entityId: z.uuid("That actor or event was not found."),
    name: z.string().trim().min(1, "Say which name to ignore.").max(200, "A name to ignore is at most 200 characters."),
  }),
  "team.edit",
  async ({ noteId, entityId, name }, session) => {
    await ignoreUnlinkedName(await noteFor(session, noteId, "update"), session.user, entityId, name);
  },
);

/** Offers the names ignored on the note again. */
export const showIgnoredNamesAgainAction = teamAction(z.object({ team: z.string(), noteId }), "team.edit", async ({ noteId }, session) => {
  await showIgnoredNamesAgain(await noteFor(session, noteId, "update"));
});
