import type { Note } from "@/db/schema";

/** A note as an event names it: its id, title and page (only the team's members open it). */
export const noteData = (note: Pick<Note, "id" | "title">, team: { slug: string }, origin: string) => ({
  id: note.id,
  title: note.title,
  url: `${origin}/t/${team.slug}/notes/${note.id}`,
});
