"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { FormError } from "@/components/FormError";
import type { ThreadView } from "@/lib/comments/queries";
import type { SuggestionSummary } from "@/lib/editor/suggestions/read";
import { ThreadCard } from "../comments/ThreadCard";
import { applyDecisions, decideSuggestions, type Outcome } from "./decide-suggestions";
import { SuggestionBulkActions } from "./SuggestionBulkActions";
import { SuggestionCard } from "./SuggestionCard";
import { useOpenSuggestions } from "./useOpenSuggestions";

export interface Person {
  id: string;
  name: string;
}

interface Props {
  editor: Editor;
  team: string;
  noteId: string;
  userId: string;
  /** The team's members, to name who suggested what. */
  people: Person[];
  /** Whether this user edits the note, and so accepts and rejects. */
  canDecide: boolean;
  canComment: boolean;
  /** The note's comment threads: those on a suggestion are shown here. */
  threads: ThreadView[];
  reload: () => Promise<void>;
}

const GONE: Record<string, string> = {
  accepted: "This suggestion was accepted.",
  rejected: "This suggestion was rejected.",
  removed: "This suggestion was removed with the text around it.",
};

/** The open suggestions of the live text, in document order, with their decisions and reply threads. */
export function SuggestionPanel({ editor, team, noteId, userId, people, canDecide, canComment, threads, reload }: Props) {
  const open = useOpenSuggestions(editor);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (id: string) => people.find((person) => person.id === id)?.name ?? "Former member";
  const openIds = new Set(open.map((suggestion) => suggestion.id));
  const suggestionThreads = threads.filter((thread) => thread.suggestionId !== null);
  const closedThreads = suggestionThreads.filter((thread) => !openIds.has(thread.suggestionId!) && !thread.resolved);

  async function decide(chosen: SuggestionSummary[], outcome: Outcome) {
    setPending(true);
    const refused = await decideSuggestions(
      editor,
      team,
      noteId,
      chosen.map((suggestion) => suggestion.id),
      outcome,
    );
    setPending(false);
    setError(refused);
  }

  return (
    <section className="side-section suggestions" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">Suggestions</h3>
      <FormError message={error} />
      {canDecide && open.length > 0 && <SuggestionBulkActions open={open} nameOf={nameOf} pending={pending} onDecide={decide} />}
      {open.length === 0 ? (
        <p className="muted">No suggestions.</p>
      ) : (
        <ul className="suggestion-list">
          {open.map((suggestion) => (
            <SuggestionCard
              key={suggestion.id}
              editor={editor}
              team={team}
              noteId={noteId}
              userId={userId}
              suggestion={suggestion}
              authorName={nameOf(suggestion.author)}
              canDecide={canDecide}
              canComment={canComment}
              pending={pending}
              threads={suggestionThreads.filter((thread) => thread.suggestionId === suggestion.id)}
              reload={reload}
              onDecide={(outcome) => void decide([suggestion], outcome)}
              onWithdraw={() => applyDecisions(editor, [suggestion.id], "rejected")}
              setError={setError}
            />
          ))}
        </ul>
      )}
      {closedThreads.length > 0 && (
        <ul className="threads closed-suggestion-threads">
          {closedThreads.map((thread) => (
            <li key={thread.id} className="closed-suggestion-thread">
              <p className="muted" data-testid="suggestion-thread-status">
                {GONE[thread.suggestionStatus ?? ""] ?? "This suggestion is no longer in the text."}
              </p>
              <ul className="threads">
                <ThreadCard team={team} noteId={noteId} userId={userId} thread={thread} detached={false} active={false} onShow={() => undefined} reload={reload} />
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
