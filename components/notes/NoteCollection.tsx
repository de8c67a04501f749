"use client";

import { useId, useState, useTransition } from "react";
import { fileNoteAction } from "@/app/t/[team]/collection-actions";
import { FormError } from "@/components/FormError";

interface Props {
  team: string;
  noteId: string;
  initial: string | null;
  collections: readonly { id: string; name: string }[];
  editable: boolean;
}

/**
 * The collection (folder) the note is filed in: a menu for those who may
 * change the note (the keyboard's way; the sidebar takes a dragged note
 * too), its name for the others.
 */
export function NoteCollection({ team, noteId, initial, collections, editable }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState(initial ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!editable) {
    const name = collections.find((collection) => collection.id === initial)?.name;
    return name ? <span className="note-collection">In {name}</span> : null;
  }
  if (collections.length === 0) return null;
  return (
    <span className="note-collection">
      <label htmlFor={id}>Collection</label>{" "}
      <select
        id={id}
        value={chosen}
        aria-busy={pending || undefined}
        onChange={(event) => {
          const next = event.target.value;
          const before = chosen;
          setChosen(next);
          startTransition(async () => {
            const result = await fileNoteAction({ team, noteId, collectionId: next || null });
            setError(result.ok ? null : result.error);
            if (!result.ok) setChosen(before);
          });
        }}
      >
        <option value="">None</option>
        {collections.map((collection) => (
          <option key={collection.id} value={collection.id}>
            {collection.name}
          </option>
        ))}
      </select>
      <FormError message={error} />
    </span>
  );
}
