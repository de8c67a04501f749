"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  /** Resolves to whether it was accepted (the box then empties). */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
}

/** A comment field: Ctrl/Cmd+Enter posts, Escape cancels. Mention people as @Full Name. */
export function CommentBox({ label, submitLabel, initial = "", autoFocus, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial);
  const [pending, setPending] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!body.trim() || pending) return;
    setPending(true);
    const accepted = await onSubmit(body);
    setPending(false);
    if (accepted) setBody("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
    if (event.key === "Escape") onCancel?.();
  }

  return (
    <form className="comment-box" onSubmit={submit}>
      <textarea
        aria-label={label}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        maxLength={MAX_COMMENT_LENGTH}
        rows={2}
        autoFocus={autoFocus}
        placeholder="Write a comment; mention someone with @Full Name"
      />
      <div className="row">
        <button type="submit" className="primary" disabled={pending || !body.trim()}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
