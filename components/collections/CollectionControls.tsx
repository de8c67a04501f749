"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteCollectionAction, renameCollectionAction } from "@/app/t/[team]/collection-actions";
import { ConfirmedDeleteButton } from "@/components/ConfirmedDeleteButton";
import { FormError } from "@/components/FormError";

/** Renames or deletes the collection the notes list shows; its notes stay, filed in none, when it goes. */
export function CollectionControls({ team, collection }: { team: string; collection: { id: string; name: string } }) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="row">
      {renaming ? (
        <form
          className="row"
          onSubmit={(event) => {
            event.preventDefault();
            const name = String(new FormData(event.currentTarget).get("name") ?? "");
            startTransition(async () => {
              const result = await renameCollectionAction({ team, collectionId: collection.id, name });
              if (!result.ok) return setError(result.error);
              setError(null);
              setRenaming(false);
              router.refresh();
            });
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") setRenaming(false);
          }}
        >
          <input name="name" aria-label="New name of the collection" defaultValue={collection.name} maxLength={80} autoFocus required />
          <button type="submit" aria-disabled={pending || undefined}>
            Save name
          </button>
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setRenaming(true)}>
          Rename collection
        </button>
      )}
      <ConfirmedDeleteButton
        label="Delete collection"
        confirm={`Delete the collection “${collection.name}”? Its notes stay, in no collection.`}
        remove={() => deleteCollectionAction({ team, collectionId: collection.id })}
        onDeleted={() => router.push(`/t/${team}`)}
      />
      <FormError message={error} />
    </div>
  );
}
