"use client";

import { useEffect } from "react";
import { forgetUnsavedTitles } from "@/components/notes/unsaved-titles";
import { forgetKeptPages } from "./kept-pages";
import { forgetOfflineStores } from "./offline-store";

/**
 * Deletes any other user's offline edits and unsaved titles, and the pages kept for them to
 * open offline, from this browser once someone is signed in: the one before
 * may have been signed out elsewhere, or their session ended, without this
 * browser deleting them. `userId` is the
 * signed-in user's, rendered by the server.
 */
export function OnlyOwnOfflineEdits({ userId }: { userId: string }) {
  useEffect(() => {
    forgetUnsavedTitles(userId);
    void forgetOfflineStores(userId).catch((error: unknown) => console.error("Could not delete another user's offline edits:", error));
    void forgetKeptPages(userId).catch((error: unknown) => console.error("Could not delete the pages kept for another user:", error));
  }, [userId]);
  return null;
}
