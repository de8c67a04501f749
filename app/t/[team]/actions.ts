"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction, type ActionResult } from "@/lib/action";
import { deleteNote, renameNote, startNote } from "@/lib/notes/queries";
import { noteFor } from "@/lib/loaders/open";
import { NOTE_KINDS } from "@/db/schema";

const title = z.string().trim().max(200, "A title can be at most 200 characters.");

const create = teamAction(
  z.object({ team: z.string(), title: title.default(""), kind: z.enum(NOTE_KINDS).default("note") }),
  "team.edit",
  async (input, { user, team }) => {
    const note = await startNote({ teamId: team.id, userId: user.id, title: input.title, kind: input.kind });
    return `/t/${team.slug}/notes/${note.id}`;
  },
);

/** Creates an empty note and opens it. The body starts empty on the server; no client seeds it. */
export async function createNoteAction(_state: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await create({ team: form.get("team"), kind: form.get("kind") ?? undefined });
  if (result.ok) redirect(result.data);
  return result;
}

export const renameNoteAction = teamAction(
  z.object({ team: z.string(), noteId: z.uuid("That note was not found."), title }),
  "team.edit",
  async (input, session) => {
    await noteFor(session, input.noteId, "update");
    await renameNote(session.team.id, input.noteId, input.title, session.user.id);
  },
);

export const deleteNoteAction = teamAction(
  z.object({ team: z.string(), noteId: z.uuid("That note was not found.") }),
  "team.deleteForGood",
  async (input, session) => {
    const { user, team } = session;
    await noteFor(session, input.noteId, "delete");
    await deleteNote(team.id, input.noteId, user.id);
    return `/t/${team.slug}`;
  },
);
