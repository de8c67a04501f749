"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ignoreUnlinkedNameAction, showIgnoredNamesAgainAction } from "@/app/t/[team]/notes/[id]/unlinked-actions";
import type { ActionResult } from "@/lib/action";
import { unlinkedNameKey } from "@/lib/editor/unlinked";
import type { UnlinkedGroup } from "./unlinked-groups";

/**
 * The names ignored on a note, as the page was drawn, with what this browser
 * just asked for shown at once; a refusal puts the page's set back and says why.
 */
export function useIgnoredNames(team: string, noteId: string, drawn: string[]) {
  const router = useRouter();
  const [ignored, setIgnored] = useState(() => new Set(drawn));
  const [shown, setShown] = useState(drawn);
  // The page read again (after a change here or elsewhere): its set is the truth.
  if (shown !== drawn) {
    setShown(drawn);
    setIgnored(new Set(drawn));
  }
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const change = (next: Set<string>, save: () => Promise<ActionResult>) => {
    if (pending) return;
    setIgnored(next);
    startTransition(async () => {
      const result = await save();
      if (result.ok) setError(null);
      else {
        setError(result.error);
        setIgnored(new Set(drawn));
      }
      router.refresh();
    });
  };

  return {
    ignored,
    ignore: (group: UnlinkedGroup) =>
      change(new Set(ignored).add(unlinkedNameKey(group.entityId, group.text)), () => ignoreUnlinkedNameAction({ team, noteId, entityId: group.entityId, name: group.text })),
    showAgain: () => change(new Set(), () => showIgnoredNamesAgainAction({ team, noteId })),
    error,
    pending,
  };
}
