"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, useTransition, type DragEvent } from "react";
import { createCollectionAction, fileNoteAction, moveCollectionAction } from "@/app/t/[team]/collection-actions";
import { FormError } from "@/components/FormError";
import { useManualOrder } from "@/components/lists/useManualOrder";
import type { CollectionSummary } from "@/lib/collections/queries";

/** What a dragged collection carries: its id, under a type no other drag has. */
const COLLECTION_DRAG = "application/x-dossier-collection";
const NOTE_ADDRESS = /\/t\/[^/]+\/notes\/([0-9a-f-]{36})(?:[?#]|$)/i;

/** The note a drag carries: any link to a note (the list's, the sidebar's, a mention of it) holds its address. */
function draggedNote(event: DragEvent): string | null {
  const address = event.dataTransfer.getData("text/uri-list") || event.dataTransfer.getData("text/plain");
  return NOTE_ADDRESS.exec(address.split("\n")[0]?.trim() ?? "")?.[1] ?? null;
}

interface Props {
  team: string;
  collections: CollectionSummary[];
  /** Whether the member may make, order and fill collections. */
  manage: boolean;
}

/**
 * The team's collections (folders) of notes in the sidebar, each a link to
 * the notes list filtered on it. Those who write notes drag a collection to
 * reorder (or press Alt+Arrow on it), drop a note's link on one to file the
 * note there, and make a new one; what changed is said in a live region.
 */
export function Collections({ team, collections, manage }: Props) {
  const current = useSearchParams().get("collection");
  const { order, itemProps, onKeyDown, said, error, settle, startTransition } = useManualOrder(collections, {
    dragType: COLLECTION_DRAG,
    save: (collectionId, index) => moveCollectionAction({ team, collectionId, index }),
    said: (collection, index, total) => `Moved “${collection.name}” to position ${index + 1} of ${total}.`,
  });

  const file = (noteId: string, collection: CollectionSummary) =>
    startTransition(async () => settle(await fileNoteAction({ team, noteId, collectionId: collection.id }), `Filed the note in “${collection.name}”.`));

  /** A note's link dropped on a collection files the note there. */
  const fileDropped = (collection: CollectionSummary) => (event: DragEvent) => {
    const noteId = draggedNote(event);
    if (noteId) file(noteId, collection);
  };

  return (
    <section className="sidebar-section sidebar-collections" aria-labelledby="sidebar-collections">
      <h2 id="sidebar-collections">Collections</h2>
      {order.length === 0 ? (
        <p className="muted">{manage ? "Group notes in collections: make the first below." : "No collections yet."}</p>
      ) : (
        <ul aria-describedby={manage ? "sidebar-collections-hint" : undefined}>
          {order.map((collection, index) => (
            <li key={collection.id} {...(manage ? itemProps(collection, index, fileDropped(collection)) : {})}>
              <Link
                href={`/t/${team}?collection=${collection.id}`}
                aria-current={current === collection.id ? "page" : undefined}
                draggable={false}
                onKeyDown={manage ? onKeyDown(collection, index) : undefined}
              >
                {collection.name}
                <span className="count" aria-label={`${collection.notes} ${collection.notes === 1 ? "note" : "notes"}`}>
                  {collection.notes}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {manage && (
        <>
          <p id="sidebar-collections-hint" className="sr-only">
            Alt and the up or down arrow moves a collection. Drop a note&apos;s link on a collection to file it there.
          </p>
          <NewCollection team={team} onMade={(name) => settle({ ok: true, data: undefined }, `Made the collection “${name}”.`)} />
        </>
      )}
      <FormError message={error} />
      {/* Polite and atomic, as a status is, without the role: a page's own status line stays its only one. */}
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="collections-said">
        {said}
      </p>
    </section>
  );
}

/** A button that opens a one-line form for a new collection's name; Escape closes it. */
function NewCollection({ team, onMade }: { team: string; onMade: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!open)
    return (
      <button type="button" className="link-button sidebar-add" onClick={() => setOpen(true)}>
        New collection
      </button>
    );
  return (
    <form
      className="sidebar-add"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const name = String(new FormData(form).get("name") ?? "");
        startTransition(async () => {
          const result = await createCollectionAction({ team, name });
          if (!result.ok) return setError(result.error);
          setError(null);
          setOpen(false);
          onMade(result.data.name);
        });
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <input name="name" aria-label="Name of the new collection" placeholder="Name" maxLength={80} autoFocus required aria-invalid={error ? true : undefined} />
      <button type="submit" aria-disabled={pending || undefined}>
        Add
      </button>
      <FormError message={error} />
    </form>
  );
}
