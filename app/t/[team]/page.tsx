import type { Metadata } from "next";
import Link from "next/link";
import { NewNoteButton } from "@/components/notes/NewNoteButton";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { RelativeTime } from "@/components/RelativeTime";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";
import { listNotes } from "@/lib/notes/queries";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team, role } = await requireTeam(slug);
  // Readers see published briefs only; drafts never leave the server for them.
  const notes = (await listNotes(team.id)).filter((note) => can.readDrafts(role) || note.status === "published");

  return (
    <main className="page">
      <div className="page-head">
        <h1>{can.readDrafts(role) ? "Notes" : "Published briefs"}</h1>
        {can.editNotes(role) && <NewNoteButton team={team.slug} />}
      </div>
      {notes.length === 0 ? (
        <div className="card empty">
          {can.editNotes(role) ? "No notes yet. Create the first one." : "Nothing has been published yet."}
        </div>
      ) : (
        <div className="card">
          <table className="list" aria-label="Notes">
            <thead>
              <tr>
                <th>Title</th>
                <th>Status</th>
                <th>Last edited by</th>
                <th>Edited</th>
              </tr>
            </thead>
            <tbody>
              {notes.map((note) => (
                <tr key={note.id}>
                  <td className="title">
                    {can.readDrafts(role) ? (
                      <Link href={`/t/${team.slug}/notes/${note.id}`}>{note.title || "Untitled"}</Link>
                    ) : (
                      note.title || "Untitled"
                    )}
                  </td>
                  <td>
                    <StatusBadge status={note.status} />
                  </td>
                  <td>{note.updatedByName ?? "—"}</td>
                  <td>
                    <RelativeTime date={note.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
