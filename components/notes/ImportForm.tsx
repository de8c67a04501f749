"use client";

import { useActionState } from "react";
import { importAction } from "@/app/t/[team]/import/actions";
import { FormError } from "@/components/FormError";

export function ImportForm({ team }: { team: string }) {
  const [state, action, pending] = useActionState(importAction, null);
  return (
    <form action={action} className="stack" aria-busy={pending}>
      <input type="hidden" name="team" value={team} />
      <label>
        Markdown files
        <input type="file" name="files" multiple accept=".md,.markdown,.txt,text/markdown,text/plain" required />
      </label>
      <p className="muted">
        Headings, lists, links, tables and quotes are kept. A first “# Title” becomes the title, and a date on a line of its own at the top (“December 20, 2006”) becomes the
        note&apos;s date. Up to 50 files of 1 MB each, 5 MB in all; if one cannot be read, none is imported.
      </p>
      {pending ? (
        <p className="muted" role="status">
          Reading the files; a large one can take a few seconds.
        </p>
      ) : (
        <FormError message={state && !state.ok ? state.error : null} />
      )}
      <div>
        <button className="primary" type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import as drafts"}
        </button>
      </div>
    </form>
  );
}
