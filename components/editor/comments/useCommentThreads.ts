"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useState } from "react";
import { listThreadsAction } from "@/app/t/[team]/notes/[id]/comment-actions";
import type { ThreadView } from "@/lib/comments/queries";

/** The note's comment threads, fetched again whenever the server says they changed. */
export function useCommentThreads(team: string, noteId: string, provider: HocuspocusProvider, enabled: boolean) {
  const [threads, setThreads] = useState<ThreadView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!enabled) return;
    const result = await listThreadsAction({ team, noteId });
    if (result.ok) {
      setThreads(result.data);
      setError(null);
    } else setError(result.error);
  }, [team, noteId, enabled]);

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

  return { threads, reload, error };
}
