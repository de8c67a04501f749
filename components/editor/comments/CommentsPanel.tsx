"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useState } from "react";
import { createThreadAction } from "@/app/t/[team]/notes/[id]/comment-actions";
import { FormError } from "@/components/FormError";
import type { ThreadView } from "@/lib/comments/queries";
import { resolveAnchor } from "./anchoring";
import { CommentBox } from "./CommentBox";
import { ThreadCard } from "./ThreadCard";
import type { CommentDraftState } from "./useCommentDraft";

interface Props {
  editor: Editor;
  team: string;
  noteId: string;
  userId: string;
  threads: ThreadView[];
  reload: () => Promise<void>;
  activeThread: string | null;
  onActivate: (id: string | null) => void;
  /** The thread the page was opened on, if any. */
  linkedThread?: string;
  /** The comment being written on the selection, if one was started (here or from the menu over the selection). */
  comment: CommentDraftState;
}

/** Open and resolved threads in document order; detached ones (their passage deleted) last. */
export function CommentsPanel({ editor, team, noteId, userId, threads: allThreads, reload, activeThread, onActivate, linkedThread, comment }: Props) {
  // Threads on a suggestion are shown with it, in the suggestions panel.
  const threads = allThreads.filter((thread) => thread.suggestionId === null);
  const [tab, setTab] = useState<"open" | "resolved">("open");
  // A thread opened from a link (the inbox) shows in its tab once the threads arrive, resolved or not.
  const [linkedShown, setLinkedShown] = useState(false);
  const linked = linkedThread ? threads.find((thread) => thread.id === linkedThread) : undefined;
  if (linked && !linkedShown) {
    setLinkedShown(true);
    if (linked.resolved) setTab("resolved");
  }
  const { draft } = comment;
  const [error, setError] = useState<string | null>(null);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const shown = threads.filter((thread) => thread.resolved === (tab === "resolved"));
  // Anchors are read again on every change of the document, but the panel re-renders only when the
  // order in the text (or a passage's existence) changes: a React commit while typing walks the
  // editor's whole text (see ConnectionStatus).
  const order = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      shown
        .map((thread) => ({ id: thread.id, from: resolveAnchor(e.state, thread.anchorStart, thread.anchorEnd)?.from ?? null }))
        .sort((a, b) => (a.from ?? Infinity) - (b.from ?? Infinity))
        .map(({ id, from }) => ({ id, detached: from === null })),
  });
  const byId = new Map(shown.map((thread) => [thread.id, thread]));
  const placed = order.flatMap(({ id, detached }) => (byId.has(id) ? [{ thread: byId.get(id)!, detached }] : []));
  const openCount = threads.filter((t) => !t.resolved).length;

  async function post(body: string) {
    if (!draft) return false;
    const result = await createThreadAction({ team, noteId, ...draft, body });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    comment.cancel();
    setError(null);
    await reload();
    onActivate(result.data);
    return true;
  }

  function show(thread: ThreadView) {
    onActivate(thread.id);
    const range = resolveAnchor(editor.state, thread.anchorStart, thread.anchorEnd);
    if (range) {
      editor.commands.setTextSelection(range);
      editor.commands.scrollIntoView();
    }
  }

  return (
    <section className="side-section comments" aria-labelledby="comments-heading">
      <h3 id="comments-heading">Comments</h3>
      <div className="row">
        <button type="button" onClick={comment.start} disabled={!hasSelection || draft !== null} title="Select text in the note, then comment on it">
          Comment on selection
        </button>
      </div>
      {draft && (
        <div className="thread draft">
          <blockquote className="quote">{draft.quote}</blockquote>
          <CommentBox label="New comment" submitLabel="Comment" onSubmit={post} onCancel={comment.cancel} autoFocus />
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
          {placed.map(({ thread, detached }) => (
            <ThreadCard
              key={thread.id}
              team={team}
              noteId={noteId}
              userId={userId}
              thread={thread}
              detached={detached}
              active={thread.id === activeThread}
              onShow={() => show(thread)}
              reload={reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
