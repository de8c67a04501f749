"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { createThreadAction } from "@/app/t/[team]/notes/[id]/comment-actions";
import { RelativeTime } from "@/components/RelativeTime";
import type { ThreadView } from "@/lib/comments/queries";
import type { SuggestionSummary } from "@/lib/editor/suggestions/read";
import { anchorRange } from "../comments/anchoring";
import { CommentBox } from "../comments/CommentBox";
import { ThreadCard } from "../comments/ThreadCard";
import type { Outcome } from "./decide-suggestions";

interface Props {
  editor: Editor;
  team: string;
  noteId: string;
  userId: string;
  suggestion: SuggestionSummary;
  authorName: string;
  /** Whether this user may accept and reject (they edit the note). */
  canDecide: boolean;
  canComment: boolean;
  pending: boolean;
  threads: ThreadView[];
  reload: () => Promise<void>;
  onDecide: (outcome: Outcome) => void;
  /** A suggester who may not edit takes back their own (the update guard lets that through). */
  onWithdraw: () => void;
  setError: (error: string | null) => void;
}

/** One open suggestion: who, when, what, its decision buttons and its reply thread. */
export function SuggestionCard(props: Props) {
  const { editor, team, noteId, userId, suggestion, authorName, canDecide, canComment, pending, threads, reload, onDecide, onWithdraw, setError } = props;
  const [replying, setReplying] = useState(false);
  const own = suggestion.author === userId;

  function show() {
    editor.chain().setTextSelection({ from: suggestion.from, to: Math.min(suggestion.to, editor.state.doc.content.size) }).scrollIntoView().run();
  }

  async function startThread(body: string) {
    const anchor = anchorRange(editor.state, suggestion.from, suggestion.to);
    if (!anchor) {
      setError("That suggestion is not in the note any more.");
      return false;
    }
    const result = await createThreadAction({ team, noteId, ...anchor, body, suggestionId: suggestion.id });
    setError(result.ok ? null : result.error);
    if (!result.ok) return false;
    setReplying(false);
    await reload();
    return true;
  }

  return (
    <li className="suggestion-card" data-testid="suggestion" data-suggestion-id={suggestion.id}>
      <button type="button" className="quote-button" onClick={show} title="Show it in the text">
        <span className="suggestion-summary">{suggestion.summary}</span>
      </button>
      <div className="comment-meta">
        <strong>{authorName}</strong> <span className="muted">{<RelativeTime date={new Date(suggestion.at)} />}</span>
      </div>
      <div className="row">
        {canDecide && (
          <>
            <button type="button" className="primary" disabled={pending} onClick={() => onDecide("accepted")}>
              Accept
            </button>
            <button type="button" disabled={pending} onClick={() => onDecide("rejected")}>
              Reject
            </button>
          </>
        )}
        {!canDecide && own && (
          <button type="button" disabled={pending} onClick={onWithdraw}>
            Withdraw
          </button>
        )}
        {canComment && threads.length === 0 && !replying && (
          <button type="button" className="link-button" onClick={() => setReplying(true)}>
            Reply
          </button>
        )}
      </div>
      {threads.length > 0 && (
        <ul className="threads">
          {threads.map((thread) => (
            <ThreadCard key={thread.id} team={team} noteId={noteId} userId={userId} thread={thread} detached={false} active={false} onShow={show} reload={reload} />
          ))}
        </ul>
      )}
      {replying && <CommentBox label="Reply to the suggestion" submitLabel="Reply" autoFocus onSubmit={startThread} onCancel={() => setReplying(false)} />}
    </li>
  );
}
