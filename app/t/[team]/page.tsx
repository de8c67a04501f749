import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CollectionControls } from "@/components/collections/CollectionControls";
import { CollectionNoteTable, PlaceCell } from "@/components/collections/CollectionNoteTable";
import { findCollection } from "@/lib/collections/queries";
import { orNotFound, requireIds } from "@/lib/loaders/open";
import { NewNoteButton } from "@/components/notes/NewNoteButton";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { RelativeTime } from "@/components/RelativeTime";
import { requireTeam } from "@/lib/auth/session";
import { abilities, can, teamScope } from "@/lib/policies";
import { COLLECTION_NOTE_SORTS, NOTE_SORTS, noteListPage, noteTitles, type NoteSort } from "@/lib/notes/note-list";
import { listHref, readListView, type ListView, type SearchParams } from "@/lib/lists/list-view";
import { Pager } from "@/components/lists/Pager";
import { SortableHeader } from "@/components/lists/SortableHeader";
import { teamTemplates } from "@/lib/templates/queries";
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
  searchParams: Promise<SearchParams>;
}) {
  const [{ team: slug }, filters] = await Promise.all([params, searchParams]);
  const { team, actor, user } = await requireTeam(slug);
  const may = abilities(actor, "team", team);
  // A reader's home is the front page of published briefs: drafts never reach them.
  if (!may.readDrafts) redirect(`/t/${team.slug}/briefs`);
  const status = STATUS_FILTERS.find((s) => s.value === filters.status)?.value;
  // One of the team's collections (from the sidebar); another team's, or one deleted since, is not found.
  const collectionId = typeof filters.collection === "string" ? filters.collection : undefined;
  requireIds(collectionId);
  const collection = collectionId ? await orNotFound(() => findCollection(team.id, collectionId)) : null;
  // A collection's list opens in the order its writers gave it.
  const view: ListView<NoteSort> = collection ? readListView(filters, COLLECTION_NOTE_SORTS, "position") : readListView(filters, NOTE_SORTS, "edited");
  const waitingForMe = filters.waiting === "me" && may.review;
  const waiting = waitingForMe ? await waitingFor(team.id, user.id) : null;
  // Just imported (their ids, from the import): named with links, of this team's notes only.
  const importedIds = String(filters.imported ?? "").split(",").slice(0, 50);
  const [{ rows: notes, total }, templates, imported] = await Promise.all([
    noteListPage(team.id, { status, ids: waiting, collectionId: collection?.id }, view),
    may.edit ? teamTemplates(team.id) : [],
    noteTitles(team.id, importedIds),
  ]);
  const base = `/t/${team.slug}`;
  // The filters keep the collection shown.
  const filterHref = (changes: Record<string, string | null>) => listHref(base, collection ? { collection: collection.id } : {}, changes);
  // The headings' words; "Order" is offered only in a collection.
  const sortable = { columns: COLLECTION_NOTE_SORTS, view, path: base, params: filters };
  const manageCollection = collection !== null && can(actor, "collection.manage", teamScope(team));
  const head = (
    <thead>
      <tr>
        {collection && <SortableHeader column="position" {...sortable} />}
        <SortableHeader column="title" {...sortable} />
        <SortableHeader column="status" {...sortable} />
        <th>Last edited by</th>
        <SortableHeader column="edited" {...sortable} />
      </tr>
    </thead>
  );
  /** The cells after the title; a collection's place cell comes before it. */
  const cellsOf = (note: (typeof notes)[number]) => (
    <>
      <td>
        <StatusBadge status={note.status} />
      </td>
      <td>{note.updatedByName ?? "—"}</td>
      <td>
        <RelativeTime date={note.updatedAt} />
      </td>
    </>
  );

  return (
    <main className="page">
      <div className="page-head">
        <h1>{collection ? <>Notes in “{collection.name}”</> : "Notes"}</h1>
        {manageCollection && <CollectionControls team={team.slug} collection={{ id: collection.id, name: collection.name }} />}
        {may.edit && (
          <div className="row">
            <Link className="button" href={`${base}/import`}>
              Import Markdown
            </Link>
            <NewNoteButton
              team={team.slug}
              templates={templates.map(({ id, name, description }) => ({ id, name, description }))}
              collection={manageCollection && collection ? { id: collection.id, name: collection.name } : undefined}
            />
          </div>
        )}
      </div>
      {imported.length > 0 && (
        <p className="notice" role="status" data-testid="imported">
          Imported {imported.length === 1 ? "1 note" : `${imported.length} notes`} as drafts:{" "}
          {imported.map((note, i) => (
            <span key={note.id}>
              {i > 0 && ", "}
              <Link href={`${base}/notes/${note.id}`}>{note.title || "Untitled"}</Link>
            </span>
          ))}
          .
        </p>
      )}
      <nav className="row filters-bar" aria-label="Filter notes">
        <Link href={filterHref({})} aria-current={!status && !waitingForMe ? "page" : undefined}>
          All
        </Link>
        {STATUS_FILTERS.map((filter) => (
          <Link key={filter.value} href={filterHref({ status: filter.value })} aria-current={status === filter.value ? "page" : undefined}>
            {filter.label}
          </Link>
        ))}
        {may.review && (
          <Link href={filterHref({ waiting: "me" })} aria-current={waitingForMe ? "page" : undefined}>
            Waiting for my review
          </Link>
        )}
      </nav>
      {total === 0 ? (
        <div className="card empty">
          {status || waitingForMe
            ? "No notes match this filter."
            : collection
              ? may.edit
                ? "No notes in this collection yet. Drag a note's link onto it in the sidebar, or choose it on the note's page."
                : "No notes in this collection yet."
              : may.edit
              ? "No notes yet. Create the first one."
              : "No notes yet."}
        </div>
      ) : (
        <div className="card">
          {collection && view.sort === "position" ? (
            // In the collection's own order: its writers change it here (not while a filter leaves notes out).
            <CollectionNoteTable
              team={team.slug}
              collectionId={collection.id}
              head={head}
              offset={view.offset}
              total={total}
              manage={manageCollection && view.direction === "asc" && !status && !waitingForMe}
              rows={notes.map((note) => ({
                id: note.id,
                title: note.title || "Untitled",
                href: `${base}/notes/${note.id}`,
                place: note.place,
                cells: cellsOf(note),
              }))}
            />
          ) : (
            <table className="list" aria-label="Notes">
              {head}
              <tbody>
                {notes.map((note) => (
                  <tr key={note.id}>
                    {collection && <PlaceCell place={note.place} />}
                    <td className="title">
                      <Link href={`${base}/notes/${note.id}`}>{note.title || "Untitled"}</Link>
                    </td>
                    {cellsOf(note)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager noun="notes" total={total} view={view} path={base} params={filters} />
        </div>
      )}
    </main>
  );
}
