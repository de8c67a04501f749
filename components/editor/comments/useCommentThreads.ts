"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import { listThreadsAction } from "@/app/t/[team]/notes/[id]/comment-actions";
import type { ThreadView } from "@/lib/comments/queries";
import { commentIds, newCommentsAnnouncement } from "./announce";

/** The note's comment threads, fetched again whenever the server says they changed. */
export function useCommentThreads(team: string, noteId: string, provider: HocuspocusProvider, enabled: boolean, userId: string) {
  const [threads, setThreads] = useState<ThreadView[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Said in a live region: comments others wrote since the last load (none on the first).
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const seen = useRef<Set<string> | null>(null);

  const reload = useCallback(async () => {
    if (!enabled) return;
    const result = await listThreadsAction({ team, noteId });
    if (result.ok) {
      setThreads(result.data);
      setError(null);
      // Computed now: an updater would run after `seen` below has taken in the new comments.
      const said = seen.current && newCommentsAnnouncement(seen.current, result.data, userId);
      if (said) setAnnouncement(said);
      seen.current = commentIds(result.data);
    } else setError(result.error);
  }, [team, noteId, enabled, userId]);

  useEffect(() => {
    // reload sets state only once the server has answered, never synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
    const onMessage = ({ payload }: { payload: string }) => {
      if (payload === "comments") void reload();
    };
    provider.on("stateless", onMessage);
    // After a reconnection, catch up on what was said meanwhile.
    provider.on("synced", reload);
    return () => {
      provider.off("stateless", onMessage);
      provider.off("synced", reload);
    };
  }, [provider, reload]);

  return { threads, reload, error, announcement };
}
