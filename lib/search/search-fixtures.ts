import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { db } from "@/db";
import { editions, notes, type NoteKind, type NoteStatus, type Role } from "@/db/schema";
import { loadNoteState } from "@/lib/collab/note-state";
import { createThread } from "@/lib/comments/queries";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { createNote } from "@/lib/notes/queries";
import { paragraphs } from "@/lib/testing/factories";
import { parseSearchFilters } from "./filters";
import { MATCH_END, MATCH_START } from "./query";
import { searchTeam } from "./search";

/* What the search tests build and ask with (search.test.ts, search-filters.test.ts). */

export type Params = Parameters<typeof parseSearchFilters>[0];

/** The policies read the role (and team) of whoever searches; who it is does not change the results. */
export const asMember = (teamId: string, role: Role) => ({ userId: crypto.randomUUID(), teamId, role });

/** A search as the search page runs it: the URL's parameters, read through the same parser. */
// As the palette searches, as one types: the last word is also a prefix.
export const search = (teamId: string, role: Role, params: Params) => searchTeam(asMember(teamId, role), parseSearchFilters(params), { asYouType: true });
// As the search page searches, once submitted: whole words only.
export const submitted = (teamId: string, role: Role, params: Params) => searchTeam(asMember(teamId, role), parseSearchFilters(params));

/** The ids of the notes found, in the order shown. */
export const noteIds = async (teamId: string, params: Params, role: Role = "analyst") => (await search(teamId, role, params)).notes.map((hit) => hit.id);

export function buildTitledNote(teamId: string, userId: string, title: string, body: string, options: { kind?: NoteKind; status?: NoteStatus } = {}) {
  return createNote({ teamId, userId, title, content: paragraphs(body), ...options });
}

export const actor = (teamId: string, userId: string, name: string, aliases: string[] = []) =>
  createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name, aliases }) });
export const event = (teamId: string, userId: string, name: string, dates: { startsOn?: string; endsOn?: string } = {}) =>
  createEntity(teamId, userId, { kind: "event", ...eventInput.parse({ name, ...dates }) });

/** Sets when a note was last edited, as if it had been edited then. */
export const editedAt = (noteId: string, when: string) => db().update(notes).set({ updatedAt: new Date(when) }).where(eq(notes.id, noteId));

/** The words a snippet marks as matched. */
export const marked = (snippet: string) => [...snippet.matchAll(new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, "gu"))].map((m) => m[1]);
/** A snippet as plain text, without its marks. */
export const unmarked = (snippet: string) => snippet.replaceAll(MATCH_START, "").replaceAll(MATCH_END, "");

/** A published edition of a note, as a reader reads it. */
export async function buildEdition(
  note: { id: string; teamId: string },
  fields: { number?: number; title: string; text: string; visibility?: "team" | "public"; entities?: { id: string; kind: "actor" | "event"; name: string }[]; withdrawn?: boolean },
) {
  const [edition] = await db()
    .insert(editions)
    .values({
      noteId: note.id,
      teamId: note.teamId,
      number: fields.number ?? 1,
      title: fields.title,
      dateline: "9 October 2006",
      content: paragraphs(fields.text),
      text: fields.text,
      visibility: fields.visibility ?? "team",
      authors: [],
      entities: fields.entities ?? [],
      withdrawnAt: fields.withdrawn ? new Date() : null,
    })
    .returning();
  return edition;
}

/** A comment thread on the first words of a note, started by `authorId`. */
export async function comment(note: { id: string; teamId: string }, authorId: string, body: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(note.id))!);
  const text = (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const encode = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
  const quote = text.toString().slice(0, 4);
  return createThread(note, authorId, { anchor: { start: encode(0), end: encode(quote.length) }, quote, body });
}
