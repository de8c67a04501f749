"use client";

import { useEffect, useRef, useState } from "react";
import { deleteCommentAction, editCommentAction, replyAction, resolveThreadAction } from "@/app/t/[team]/notes/[id]/comment-actions";
import { FormError } from "@/components/FormError";
import type { ThreadView } from "@/lib/comments/queries";
import { CommentBox } from "./CommentBox";

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

interface Props {
  team: string;
  noteId: string;
  userId: string;
  thread: ThreadView;
  detached: boolean;
  active: boolean;
  onShow: () => void;
  reload: () => Promise<void>;
}

/** One thread: its passage, its comments, a reply box, resolve and reopen. */
export function ThreadCard({ team, noteId, userId, thread, detached, active, onShow, reload }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const card = useRef<HTMLLIElement>(null);
  // Clicking a highlight in the text brings its thread into view.
  useEffect(() => {
    if (active) card.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [active]);
  const ids = { team, noteId };

  async function run(action: Promise<{ ok: true } | { ok: false; error: string }>) {
    const result = await action;
    setError(result.ok ? null : result.error);
    if (result.ok) await reload();
    return result.ok;
  }

  return (
    <li ref={card} className={`thread${active ? " active" : ""}`} data-testid="comment-thread" data-thread-id={thread.id}>
      <button type="button" className="quote-button" onClick={onShow} title={detached ? undefined : "Show the passage"}>
        <blockquote className="quote">{thread.quote || "…"}</blockquote>
      </button>
      {detached && <p className="muted detached">Detached: the passage was deleted.</p>}
      <ol className="comments-list">
        {thread.comments.map((comment) => (
          <li key={comment.id} data-testid="comment">
            <div className="comment-meta">
              <strong>{comment.authorName}</strong> <span className="muted">{time.format(new Date(comment.createdAt))}</span>
              {comment.edited && <span className="muted"> (edited)</span>}
            </div>
            {editing === comment.id ? (
              <CommentBox
                label="Edit comment"
                submitLabel="Save"
                initial={comment.body}
                autoFocus
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  const ok = await run(editCommentAction({ ...ids, commentId: comment.id, body }));
                  if (ok) setEditing(null);
                  return ok;
                }}
              />
            ) : (
              <p className="comment-body">{comment.body}</p>
            )}
            {comment.authorId === userId && editing !== comment.id && (
              <div className="row">
                <button type="button" className="link-button" onClick={() => setEditing(comment.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    if (window.confirm("Delete this comment?")) void run(deleteCommentAction({ ...ids, commentId: comment.id }));
                  }}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <FormError message={error} />
      {!thread.resolved && (
        <CommentBox label="Reply" submitLabel="Reply" onSubmit={(body) => run(replyAction({ ...ids, threadId: thread.id, body }))} />
      )}
      <div className="row">
        <button type="button" onClick={() => void run(resolveThreadAction({ ...ids, threadId: thread.id, resolved: !thread.resolved }))}>
          {thread.resolved ? "Reopen" : "Resolve"}
        </button>
        {thread.resolved && thread.resolvedByName && <span className="muted">Resolved by {thread.resolvedByName}</span>}
      </div>
    </li>
  );
}
