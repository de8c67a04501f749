"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { setNoteTagsAction } from "@/app/t/[team]/entities-actions";
import { FormError } from "@/components/FormError";

/** A note's tags: shown as links, edited as a comma-separated list. */
export function NoteTags({ team, noteId, initial, editable }: { team: string; noteId: string; initial: string[]; editable: boolean }) {
  const [tags, setTags] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    startTransition(async () => {
      const result = await setNoteTagsAction({ team, noteId, tags: next });
      if (!result.ok) return setError(result.error);
      setError(null);
      setTags([...new Map(next.map((t) => [t.toLowerCase(), t])).values()]);
      setEditing(false);
    });
  }

  return (
    <div className="note-tags">
      {editing ? (
        <form className="row" onSubmit={save}>
          <input name="tags" defaultValue={tags.join(", ")} aria-label="Tags (comma-separated)" autoFocus />
          <button type="submit" disabled={pending}>
            Save tags
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span className="tags">
          {tags.map((tag) => (
            <Link key={tag} className="tag" href={`/t/${team}/tags/${encodeURIComponent(tag)}`}>
              {tag}
            </Link>
          ))}
          {editable && (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {tags.length ? "Edit tags" : "Add tags"}
            </button>
          )}
        </span>
      )}
      <FormError message={error} />
    </div>
  );
}
