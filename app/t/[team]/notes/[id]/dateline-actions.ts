"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { noteFor } from "@/lib/loaders/open";
import { datelineField, setNoteDateline } from "@/lib/notes/dateline";

/** The day the note speaks of, which its editions carry (empty: the day each is published). */
export const setNoteDatelineAction = teamAction(
  z.object({ team: z.string(), noteId: z.uuid("That note was not found."), dateline: datelineField }),
  "team.edit",
  async (input, session) => {
    const note = await setNoteDateline(await noteFor(session, input.noteId, "update"), input.dateline, session.user.id);
    return { dateline: note.dateline };
  },
);
