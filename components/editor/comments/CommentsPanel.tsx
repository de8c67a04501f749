"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useState } from "react";
import { createThreadAction } from "@/app/t/[team]/notes/[id]/comment-actions";
import { FormError } from "@/components/FormError";
import type { ThreadView } from "@/lib/comments/queries";
import { anchorSelection, resolveAnchor } from "./anchoring";
import { CommentBox } from "./CommentBox";
import { ThreadCard } from "./ThreadCard";

interface Props {
  editor: Editor;
  team: string;
  noteId: string;
  userId: string;
  threads: ThreadView[];
  reload: () => Promise<void>;
  activeThread: string | null;
  onActivate: (id: string | null) => void;
}

/** Open and resolved threads in document order; detached ones (their passage deleted) last. */
export function CommentsPanel({ editor, team, noteId, userId, threads, reload, activeThread, onActivate }: Props) {
  const [tab, setTab] = useState<"open" | "resolved">("open");
  const [draft, setDraft] = useState<ReturnType<typeof anchorSelection>>(null);
  const [error, setError] = useState<string | null>(null);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  // Positions are read again on every change of the document, so the order follows the text.
  const docVersion = useEditorState({ editor, selector: ({ editor: e }) => e.state.doc });

  const placed = threads
    .filter((thread) => thread.resolved === (tab === "resolved"))
    .map((thread) => ({ thread, range: docVersion ? resolveAnchor(editor.state, thread.anchorStart, thread.anchorEnd) : null }))
    .sort((a, b) => (a.range?.from ?? Infinity) - (b.range?.from ?? Infinity));
  const openCount = threads.filter((t) => !t.resolved).length;

  function startComment() {
    const anchor = anchorSelection(editor.state);
    if (anchor) setDraft(anchor);
  }

  async function post(body: string) {
    if (!draft) return false;
    const result = await createThreadAction({ team, noteId, ...draft, body });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setDraft(null);
    setError(null);
    await reload();
    onActivate(result.data);
    return true;
  }

  function show(thread: ThreadView, range: { from: number; to: number } | null) {
    onActivate(thread.id);
    if (range) {
      editor.commands.setTextSelection(range);
      editor.commands.scrollIntoView();
    }
  }

  return (
    <section className="side-section comments" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Comments</h3>
      <div className="row">
        <button type="button" onClick={startComment} disabled={!hasSelection || draft !== null} title="Select text in the note, then comment on it">
          Comment on selection
        </button>
      </div>
      {draft && (
        <div className="thread draft">
          <blockquote className="quote">{draft.quote}</blockquote>
          <CommentBox label="New comment" submitLabel="Comment" onSubmit={post} onCancel={() => setDraft(null)} autoFocus />
        </div>
      )}
      <FormError message={error} />
      <div className="tabs" role="tablist" aria-label="Which threads">
        <button role="tab" aria-selected={tab === "open"} onClick={() => setTab("open")}>
          Open ({openCount})
        </button>
        <button role="tab" aria-selected={tab === "resolved"} onClick={() => setTab("resolved")}>
          Resolved ({threads.length - openCount})
        </button>
      </div>
      {placed.length === 0 ? (
        <p className="muted">{tab === "open" ? "No open comments. Select text to start one." : "No resolved comments."}</p>
      ) : (
        <ul className="threads">
          {placed.map(({ thread, range }) => (
            <ThreadCard
              key={thread.id}
              team={team}
              noteId={noteId}
              userId={userId}
              thread={thread}
              detached={range === null}
              active={thread.id === activeThread}
              onShow={() => show(thread, range)}
              reload={reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
