"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction, type ActionResult } from "@/lib/action";
import { deleteNote, startNote } from "@/lib/notes/queries";
import { noteTitle, renameNoteInput, renameNoteInTeam } from "@/app/t/[team]/notes/rename-note";
import { noteFor } from "@/lib/loaders/open";
import { NOTE_KINDS } from "@/db/schema";
import { authorize, teamScope } from "@/lib/policies";
import { templateChoice } from "@/lib/templates/fields";
import { fileNote, findCollection } from "@/lib/collections/queries";
import { startNoteFromTemplate } from "@/lib/templates/start-note";


const create = teamAction(
  z.object({
    team: z.string(),
    title: noteTitle.default(""),
    kind: z.enum(NOTE_KINDS).default("note"),
    template: templateChoice,
    // Made while the list shows a collection: filed there.
    collection: z.union([z.literal(""), z.uuid("That collection was not found.")]).optional(),
  }),
  "team.edit",
  async (input, { user, team, actor }) => {
    const fields = { teamId: team.id, userId: user.id, title: input.title, kind: input.kind };
    if (input.template) authorize(actor, "template.read", teamScope(team));
    if (input.collection) {
      authorize(actor, "collection.manage", teamScope(team));
      await findCollection(team.id, input.collection);
    }
    const note = input.template ? await startNoteFromTemplate(input.template, fields) : await startNote(fields);
    if (input.collection) await fileNote(team.id, note.id, input.collection);
    return `/t/${team.slug}/notes/${note.id}`;
  },
);

/**
 * Creates a note, blank or from one of the team's templates, and opens it.
 * The body is built on the server (empty, or the template's); no client seeds it.
 */
export async function createNoteAction(_state: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await create({
    team: form.get("team"),
    kind: form.get("kind") ?? undefined,
    template: form.get("template") ?? undefined,
    collection: form.get("collection") ?? undefined,
  });
  if (result.ok) redirect(result.data);
  return result;
}

export const renameNoteAction = teamAction(renameNoteInput, "team.edit", renameNoteInTeam);

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
