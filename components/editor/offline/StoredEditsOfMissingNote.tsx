"use client";

import { useEffect, useState } from "react";
import { discardStoredEdits, readStoredEdits, type StoredEdits } from "./offline-store";
import { offlineStoreName } from "./store-names";
import { StoredEditsRefusal } from "./StoredEditsRefusal";

const NOTE_PATH = /^\/t\/[^/]+\/notes\/([0-9a-f-]{36})$/;

/**
 * On the page shown instead of a note the user may no longer open (made a
 * reader, removed from the team, the note deleted): the changes this browser
 * kept for it are named, for the user to copy or discard, never dropped
 * unseen. `userId` is the signed-in user's, rendered by the server.
 */
export function StoredEditsOfMissingNote({ userId }: { userId: string }) {
  const [stored, setStored] = useState<{ name: string; edits: StoredEdits } | null>(null);
  useEffect(() => {
    const noteId = NOTE_PATH.exec(window.location.pathname)?.[1];
    if (!noteId) return;
    const name = offlineStoreName(userId, noteId);
    void readStoredEdits(name).then((edits) => {
      if (edits && edits.pending > 0) setStored({ name, edits });
    });
  }, [userId]);
  if (!stored) return null;
  return (
    <StoredEditsRefusal
      pending={stored.edits.pending}
      text={() => stored.edits.text}
      onDiscard={async () => {
        await discardStoredEdits(stored.name);
        setStored(null);
      }}
    />
  );
}
