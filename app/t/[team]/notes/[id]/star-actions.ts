"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { noteFor } from "@/lib/loaders/open";
import { setNoteStar } from "@/lib/notes/stars";

/** A member stars a note they may read (or takes the star away): it is then listed in their sidebar. */
export const setNoteStarAction = teamAction(
  z.object({ team: z.string(), noteId: z.uuid("That note was not found."), starred: z.boolean("Say whether to star the note.") }),
  "team.readDrafts",
  async (input, session) => {
    await setNoteStar(session.user.id, await noteFor(session, input.noteId, "read"), input.starred);
    return { starred: input.starred };
  },
);
