"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition, type DragEvent, type KeyboardEvent } from "react";
import { createCollectionAction, fileNoteAction, moveCollectionAction } from "@/app/t/[team]/collection-actions";
import { FormError } from "@/components/FormError";
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
  const router = useRouter();
  const current = useSearchParams().get("collection");
  const [order, setOrder] = useState(collections);
  const [shown, setShown] = useState(collections);
  // A new list from the server (a refresh after a change) replaces what was shown.
  if (shown !== collections) {
    setShown(collections);
    setOrder(collections);
  }
  const [said, setSaid] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const settle = (result: { ok: true } | { ok: false; error: string }, success: string) => {
    if (result.ok) {
      setError(null);
      setSaid(success);
    } else {
      setError(result.error);
      setOrder(collections);
    }
    router.refresh();
  };

  const move = (collectionId: string, index: number) => {
    const from = order.findIndex((c) => c.id === collectionId);
    if (from === -1 || index < 0 || index >= order.length || index === from) return;
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(index, 0, moved);
    setOrder(next);
    startTransition(async () => settle(await moveCollectionAction({ team, collectionId, index }), `Moved “${moved.name}” to position ${index + 1} of ${next.length}.`));
  };

  const file = (noteId: string, collection: CollectionSummary) =>
    startTransition(async () => settle(await fileNoteAction({ team, noteId, collectionId: collection.id }), `Filed the note in “${collection.name}”.`));

  const dropProps = (collection: CollectionSummary, index: number) =>
    manage
      ? {
          onDragOver: (event: DragEvent) => {
            const types = event.dataTransfer.types;
            if (!types.includes(COLLECTION_DRAG) && !types.includes("text/uri-list")) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
            setOver(collection.id);
          },
          onDragLeave: () => setOver((id) => (id === collection.id ? null : id)),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setOver(null);
            const moved = event.dataTransfer.getData(COLLECTION_DRAG);
            if (moved) return move(moved, index);
            const noteId = draggedNote(event);
            if (noteId) file(noteId, collection);
          },
        }
      : {};

  const onKeyDown = (collection: CollectionSummary, index: number) => (event: KeyboardEvent) => {
    if (!manage || !event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(collection.id, index + (event.key === "ArrowUp" ? -1 : 1));
  };

  return (
    <section className="sidebar-section sidebar-collections" aria-labelledby="sidebar-collections">
      <h2 id="sidebar-collections">Collections</h2>
      {order.length === 0 ? (
        <p className="muted">{manage ? "Group notes in collections: make the first below." : "No collections yet."}</p>
      ) : (
        <ul aria-describedby={manage ? "sidebar-collections-hint" : undefined}>
          {order.map((collection, index) => (
            <li
              key={collection.id}
              data-drop-target={over === collection.id || undefined}
              draggable={manage}
              onDragStart={(event) => {
                event.dataTransfer.setData(COLLECTION_DRAG, collection.id);
                event.dataTransfer.effectAllowed = "move";
              }}
              {...dropProps(collection, index)}
            >
              <Link
                href={`/t/${team}?collection=${collection.id}`}
                aria-current={current === collection.id ? "page" : undefined}
                draggable={false}
                onKeyDown={onKeyDown(collection, index)}
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
          <NewCollection team={team} onMade={(name) => settle({ ok: true }, `Made the collection “${name}”.`)} />
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
