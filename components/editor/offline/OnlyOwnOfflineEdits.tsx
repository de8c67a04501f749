"use client";

import { useEffect } from "react";
import { forgetOfflineStores } from "./offline-store";

/**
 * Deletes any other user's offline edits from this browser once someone is
 * signed in: the one before may have been signed out elsewhere, or their
 * session ended, without this browser deleting them. `userId` is the
 * signed-in user's, rendered by the server.
 */
export function OnlyOwnOfflineEdits({ userId }: { userId: string }) {
  useEffect(() => {
    void forgetOfflineStores(userId).catch((error: unknown) => console.error("Could not delete another user's offline edits:", error));
  }, [userId]);
  return null;
}
