"use client";

import { useState, useTransition } from "react";
import { restoreRevisionAction } from "@/app/t/[team]/notes/[id]/history/actions";
import { FormError } from "@/components/FormError";

/** Restores a revision as a new edit; the text before it is kept as a revision. */
export function RestoreButton({ team, noteId, revisionId }: { team: string; noteId: string; revisionId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="row">
      <button
        className="primary"
        disabled={pending}
        onClick={() => {
          if (!window.confirm("Restore this revision? The current text is kept in the history first.")) return;
          startTransition(async () => {
            const result = await restoreRevisionAction({ team, noteId, revisionId });
            if (result.ok) window.location.assign(result.data);
            else setError(result.error);
          });
        }}
      >
        {pending ? "Restoring…" : "Restore this revision"}
      </button>
      <FormError message={error} />
    </div>
  );
}
