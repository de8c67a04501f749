import "server-only";
import type { Note, NoteKind } from "@/db/schema";
import { startNote } from "@/lib/notes/queries";
import { noteContentFromTemplate } from "./instantiate";
import { findTemplate } from "./queries";

/**
 * A member starts a note from one of the team's templates: its body is built
 * into the note's Yjs document on the server, as every initial body is
 * (`createNote`), and the record says which template it came from.
 */
export async function startNoteFromTemplate(templateId: string, input: { teamId: string; userId: string; title: string; kind: NoteKind }): Promise<Note> {
  const template = await findTemplate(input.teamId, templateId);
  return startNote({ ...input, from: { template: template.name, content: noteContentFromTemplate(template.body) } });
}
