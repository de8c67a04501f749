"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { noteFor } from "@/lib/loaders/open";
import { setNoteMarking } from "@/lib/notes/marking";
import { tlpLevelField } from "@/lib/tradecraft/fields";

/** The handling marking an author gives the note (TLP); its banner also counts the body's portion marks. */
export const setNoteMarkingAction = teamAction(
  z.object({ team: z.string(), noteId: z.uuid("That note was not found."), marking: tlpLevelField }),
  "team.edit",
  async (input, session) => {
    const note = await setNoteMarking(await noteFor(session, input.noteId, "update"), input.marking, session.user.id);
    return { marking: note.marking };
  },
);
