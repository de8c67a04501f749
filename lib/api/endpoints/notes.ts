import "server-only";
import { z } from "zod";
import { NOTE_KINDS, NOTE_STATUSES, type Note } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { getTeamNote, notePage } from "@/lib/notes/queries";
import { authorize } from "@/lib/policies";
import { IMPORT_LIMITS, importPosts } from "@/lib/publishing/import";
import { TLP_LEVELS } from "@/lib/tradecraft/tlp";
import { endpoint } from "../endpoint";
import { decodeCursor, pageOf, pageQuery, toPage } from "../pagination";
import { idParam, iso, timestamp } from "../schemas";

/**
 * A note's creation time as the database writes it as text ("2026-11-30
 * 17:10:00.123456+00"), the first half of a notes cursor: checked to be a
 * real time, so a forged cursor is a bad request, never a failed cast.
 */
const databaseTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/)
  .refine((text) => Number.isFinite(Date.parse(text.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"))));

const noteFields = {
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(NOTE_KINDS),
  status: z.enum(NOTE_STATUSES),
  marking: z.enum(TLP_LEVELS).meta({ description: "The handling marking its author gave it (TLP)." }),
  createdAt: timestamp,
  updatedAt: timestamp,
};
const noteSummary = z.object(noteFields).meta({ id: "NoteSummary" });
const noteSchema = z
  .object({
    ...noteFields,
    text: z.string().meta({ description: "The body as plain text, as it is now (every acknowledged edit)." }),
    content: z.looseObject({ type: z.string() }).meta({ description: "The body as a ProseMirror document (JSON), as it is now." }),
  })
  .meta({ id: "Note" });

type NoteRow = Pick<Note, "id" | "title" | "kind" | "status" | "marking" | "createdAt" | "updatedAt">;
const noteFieldsOf = (note: NoteRow) => ({
  id: note.id,
  title: note.title,
  kind: note.kind,
  status: note.status,
  marking: note.marking,
  createdAt: iso(note.createdAt),
  updatedAt: iso(note.updatedAt),
});

/** The note with its body as it is now (lib/collab/current-body.ts), not as last stored. */
async function withBody(note: NoteRow) {
  const body = await currentBody(note.id);
  return { ...noteFieldsOf(note), text: body.text, content: { ...body.content } };
}

export const noteEndpoints = [
  endpoint({
    id: "listNotes",
    method: "GET",
    path: "/notes",
    tag: "Notes",
    summary: "List the team's notes",
    description: "Drafts and briefs, newest first. For roles that read drafts.",
    scope: "read",
    permission: "team.readDrafts",
    query: z.object(pageQuery),
    response: { status: 200, description: "A page of notes.", schema: pageOf(noteSummary) },
    async handle({ query, team, url }) {
      const after = decodeCursor(query.cursor, z.tuple([databaseTimestamp, z.uuid()]));
      const rows = await notePage(team.id, { after, limit: query.limit + 1 });
      return toPage(rows, query.limit, url, (row) => [row.sortKey, row.id], noteFieldsOf);
    },
  }),
  endpoint({
    id: "getNote",
    method: "GET",
    path: "/notes/{id}",
    tag: "Notes",
    summary: "Read a note",
    description: "Its body as it is now, as plain text and as ProseMirror JSON.",
    scope: "read",
    permission: "team.readDrafts",
    params: idParam,
    response: { status: 200, description: "The note.", schema: noteSchema },
    async handle({ params, actor, team }) {
      const note = await getTeamNote(team.id, params.id);
      authorize(actor, "note.read", note);
      return withBody(note);
    },
  }),
  endpoint({
    id: "createNote",
    method: "POST",
    path: "/notes",
    tag: "Notes",
    summary: "Create a note from Markdown",
    description:
      "Read as the Markdown import reads a file: front matter (title, date), a first `# heading` as the title, citations and markings. The new note is a draft.",
    scope: "read-write",
    permission: "team.edit",
    body: z
      .object({
        markdown: z
          .string()
          .min(1, "Give the note's Markdown.")
          .max(IMPORT_LIMITS.fileBytes, "The Markdown can be at most 1 MB.")
          .meta({ example: "# Port reopened\n\nThe port reopened on Monday." }),
        title: z.string().trim().min(1).max(200).optional().meta({ description: "The title when the Markdown gives none." }),
      })
      .meta({ id: "NoteInput", example: { markdown: "# Port reopened\n\nThe port reopened on Monday." } }),
    response: { status: 201, description: "The note created.", schema: noteSchema },
    async handle({ body, actor, team }) {
      // The reader names a note without a title after its file.
      const [note] = await importPosts(team.id, actor.userId, [{ name: `${body.title ?? "Untitled"}.md`, bytes: new TextEncoder().encode(body.markdown) }]);
      return withBody(note);
    },
  }),
];
