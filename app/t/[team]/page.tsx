import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NewNoteButton } from "@/components/notes/NewNoteButton";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { RelativeTime } from "@/components/RelativeTime";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";
import { listNotes } from "@/lib/notes/queries";
import { waitingFor } from "@/lib/review/workflow";
import type { NoteStatus } from "@/db/schema";

export const metadata: Metadata = { title: "Notes" };

const STATUS_FILTERS: { value: NoteStatus; label: string }[] = [
  { value: "draft", label: "Drafts" },
  { value: "in_review", label: "In review" },
  { value: "approved", label: "Approved" },
  { value: "published", label: "Published" },
];

export default async function NotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ status?: string; waiting?: string; imported?: string }>;
}) {
  const [{ team: slug }, filters] = await Promise.all([params, searchParams]);
  const { team, role, user } = await requireTeam(slug);
  // A reader's home is the front page of published briefs.
  if (!can.readDrafts(role)) redirect(`/t/${team.slug}/briefs`);
  const status = STATUS_FILTERS.find((s) => s.value === filters.status)?.value;
  const waitingForMe = filters.waiting === "me" && can.review(role);
  const waiting = waitingForMe ? await waitingFor(team.id, user.id) : null;
  // Readers see published briefs only; drafts never leave the server for them.
  const notes = (await listNotes(team.id)).filter(
    (note) =>
      (can.readDrafts(role) || note.status === "published") && (!status || note.status === status) && (!waiting || waiting.has(note.id)),
  );
  const base = `/t/${team.slug}`;

  return (
    <main className="page">
      <div className="page-head">
        <h1>{can.readDrafts(role) ? "Notes" : "Published briefs"}</h1>
        {can.editNotes(role) && (
          <div className="row">
            <Link className="button" href={`${base}/import`}>
              Import Markdown
            </Link>
            <NewNoteButton team={team.slug} />
          </div>
        )}
      </div>
      {filters.imported && (
        <p className="notice" role="status">
          Imported {filters.imported === "1" ? "1 note" : `${Number(filters.imported) || 0} notes`} as drafts.
        </p>
      )}
      {can.readDrafts(role) && (
        <nav className="row filters-bar" aria-label="Filter notes">
          <Link href={base} aria-current={!status && !waitingForMe ? "page" : undefined}>
            All
          </Link>
          {STATUS_FILTERS.map((filter) => (
            <Link key={filter.value} href={`${base}?status=${filter.value}`} aria-current={status === filter.value ? "page" : undefined}>
              {filter.label}
            </Link>
          ))}
          {can.review(role) && (
            <Link href={`${base}?waiting=me`} aria-current={waitingForMe ? "page" : undefined}>
              Waiting for my review
            </Link>
          )}
        </nav>
      )}
      {notes.length === 0 ? (
        <div className="card empty">
          {status || waitingForMe
            ? "No notes match this filter."
            : can.editNotes(role)
              ? "No notes yet. Create the first one."
              : "Nothing has been published yet."}
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
