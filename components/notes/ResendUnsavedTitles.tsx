"use client";

import { useEffect } from "react";
import { savedTitle, sendTitle, unsavedTitlesOf } from "./unsaved-titles";

/**
 * Sends again, as a page of the app loads, the titles this browser kept for
 * the signed-in user that the server never confirmed (a tab closed, or the
 * connection gone, just after typing). One the server refuses is dropped: it
 * would be refused again.
 */
export function ResendUnsavedTitles({ userId }: { userId: string }) {
  useEffect(() => {
    for (const entry of unsavedTitlesOf(userId)) {
      void sendTitle(entry).then((delivery) => {
        if (delivery === "refused") console.warn(`The title “${entry.title}” kept in this browser was refused by the server and is dropped.`);
        if (delivery !== "unsent") savedTitle(userId, entry.noteId, entry.title);
      });
    }
  }, [userId]);
  return null;
}
