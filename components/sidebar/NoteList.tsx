import Link from "next/link";
import type { SidebarNote } from "@/lib/notes/sidebar-notes";

/** One of the member's short lists of notes in the sidebar, with a line saying what comes here while it is empty. */
export function NoteList({ id, title, notes, team, empty }: { id: string; title: string; notes: SidebarNote[]; team: string; empty: string }) {
  const headingId = `sidebar-${id}`;
  return (
    <section className="sidebar-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {notes.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <Link href={`/t/${team}/notes/${note.id}`}>{note.title || "Untitled"}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
