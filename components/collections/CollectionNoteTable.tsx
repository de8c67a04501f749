"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { moveNoteInCollectionAction } from "@/app/t/[team]/collection-actions";
import { FormError } from "@/components/FormError";
import { useManualOrder } from "@/components/lists/useManualOrder";

/** What a dragged note of a collection carries: its id, under a type no other drag has. */
const NOTE_IN_COLLECTION_DRAG = "application/x-dossier-collection-note";

export interface CollectionNoteRow {
  id: string;
  title: string;
  href: string;
  /** Its place in the collection's order, from 1. */
  place: number | null;
  /** The row's other cells, drawn on the server. */
  cells: ReactNode;
}

interface Props {
  team: string;
  collectionId: string;
  rows: CollectionNoteRow[];
  /** Where this page starts in the collection's order, and how many notes it holds. */
  offset: number;
  total: number;
  /** Whether the member may order the collection: otherwise the rows are only shown. */
  manage: boolean;
  /** The table's heading row, drawn on the server. */
  head: ReactNode;
}

/**
 * The table of a collection's notes in the order its writers gave them, as table
 * rows: a writer drags a row onto another's place, or presses Alt+Up/Down on
 * a note's title, and the collection keeps that order for everyone.
 */
export function CollectionNoteTable({ team, collectionId, rows, offset, total, manage, head }: Props) {
  const { order, itemProps, onKeyDown, said, error } = useManualOrder(rows, {
    dragType: NOTE_IN_COLLECTION_DRAG,
    save: (noteId, index) => moveNoteInCollectionAction({ team, collectionId, noteId, index }),
    said: (note, index, whole) => `Moved “${note.title}” to position ${index + 1} of ${whole}.`,
    offset,
    total,
  });
  return (
    <>
      {manage && (
        <p id="collection-order-hint" className="muted list-hint">
          Drag a note, or press Alt and the up or down arrow on its title, to change the collection&apos;s order.
        </p>
      )}
      <table className="list" aria-label="Notes" aria-describedby={manage ? "collection-order-hint" : undefined}>
        {head}
        <tbody>
        {order.map((row, index) => (
          <tr key={row.id} {...(manage ? itemProps(row, index) : {})}>
            <PlaceCell place={row.place} />
            <td className="title">
              <Link href={row.href} draggable={false} onKeyDown={manage ? onKeyDown(row, index) : undefined}>
                {row.title}
              </Link>
            </td>
            {row.cells}
          </tr>
        ))}
        </tbody>
      </table>
      <FormError message={error} />
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="collection-order-said">
        {said}
      </p>
    </>
  );
}

/** A note's place in its collection's order. */
export function PlaceCell({ place }: { place: number | null }) {
  return <td className="numeric">{place ?? "—"}</td>;
}
