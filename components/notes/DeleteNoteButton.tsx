"use client";

import { deleteNoteAction } from "@/app/t/[team]/actions";
import { ConfirmedDeleteButton } from "@/components/ConfirmedDeleteButton";

/** For owners: deletes the note, its history, comments and editions. */
export function DeleteNoteButton({ team, noteId, title }: { team: string; noteId: string; title: string }) {
  return (
    <ConfirmedDeleteButton
      label="Delete note"
      confirm={`Delete “${title || "Untitled"}” with its history, comments and editions? This cannot be undone.`}
      remove={() => deleteNoteAction({ team, noteId })}
      onDeleted={(next) => window.location.assign(next)}
    />
  );
}
